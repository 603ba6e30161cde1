package io.agentmetrics.api;

/** How a task ended. */
public enum TaskStatus {
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

  /** The label value recorded in Prometheus. */
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static TaskStatus fromLabel(String value) {
    for (TaskStatus candidate : values()) {
      if (candidate.label.equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
