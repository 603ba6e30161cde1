package io.agentmetrics.api;

/** How an agent run ended. */
public enum RunStatus implements LabelValue {
  /** {@code success}. */
  SUCCESS("success"),
  /** {@code error}. */
  ERROR("error"),
  /** {@code timeout}. */
  TIMEOUT("timeout"),
  /** {@code cancelled}. */
  CANCELLED("cancelled");

  private final String label;

  RunStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static RunStatus fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
