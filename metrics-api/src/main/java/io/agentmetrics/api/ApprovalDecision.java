package io.agentmetrics.api;

/** How a human approval request was decided. */
public enum ApprovalDecision {
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

  /** The label value recorded in Prometheus. */
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static ApprovalDecision fromLabel(String value) {
    for (ApprovalDecision candidate : values()) {
      if (candidate.label.equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
