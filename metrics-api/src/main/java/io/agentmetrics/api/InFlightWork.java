package io.agentmetrics.api;

/**
 * What {@link AgentMetrics#inFlight} reports: the kind of work an agent has in flight, or the
 * sessions and permissions it holds open, as absolute numbers of one process.
 */
public enum InFlightWork implements LabelValue {
  /** {@code runs}: agent runs in progress. */
  RUNS("runs"),
  /** {@code tasks}: tasks in progress. */
  TASKS("tasks"),
  /** {@code approvals}: approval requests awaiting a decision. */
  APPROVALS("approvals"),
  /** {@code sessions}: open sessions (conversations). */
  SESSIONS("sessions"),
  /** {@code permissions}: permissions currently granted. */
  PERMISSIONS("permissions");

  private final String label;

  InFlightWork(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static InFlightWork fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
