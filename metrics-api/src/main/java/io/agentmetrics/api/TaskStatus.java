package io.agentmetrics.api;

/** How a task ended. */
public enum TaskStatus implements LabelValue {
  /** {@code completed}. */
  COMPLETED("completed"),
  /** {@code failed}. */
  FAILED("failed"),
  /** {@code cancelled}. */
  CANCELLED("cancelled");

  private final String label;

  TaskStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static TaskStatus fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
