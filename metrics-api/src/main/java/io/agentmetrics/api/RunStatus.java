package io.agentmetrics.api;

/** How an agent run ended. */
public enum RunStatus {
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

  /** The label value recorded in Prometheus. */
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static RunStatus fromLabel(String value) {
    for (RunStatus candidate : values()) {
      if (candidate.label.equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
