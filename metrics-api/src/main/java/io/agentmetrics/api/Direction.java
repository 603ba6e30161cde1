package io.agentmetrics.api;

/** Direction of a message relative to the agent. */
public enum Direction {
  /** {@code inbound}. */
  INBOUND("inbound"),
  /** {@code outbound}. */
  OUTBOUND("outbound");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  /** The label value recorded in Prometheus. */
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static Direction fromLabel(String value) {
    for (Direction candidate : values()) {
      if (candidate.label.equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
