package io.agentmetrics.api;

/** The result of an access check (a skill, a tool). */
public enum AccessDecision implements LabelValue {
  /** {@code allowed}. */
  ALLOWED("allowed"),
  /** {@code denied}. */
  DENIED("denied");

  private final String label;

  AccessDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static AccessDecision fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
