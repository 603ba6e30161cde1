package io.agentmetrics.api;

/** Direction of a message relative to the agent. */
public enum Direction implements LabelValue {
  /** {@code inbound}. */
  INBOUND("inbound"),
  /** {@code outbound}. */
  OUTBOUND("outbound");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static Direction fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
