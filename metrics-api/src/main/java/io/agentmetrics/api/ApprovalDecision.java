package io.agentmetrics.api;

/** How a human approval request was decided. */
public enum ApprovalDecision implements LabelValue {
  /** {@code approved}. */
  APPROVED("approved"),
  /** {@code denied}. */
  DENIED("denied"),
  /** {@code timed_out}. */
  TIMED_OUT("timed_out");

  private final String label;

  ApprovalDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static ApprovalDecision fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
