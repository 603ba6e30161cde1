package io.agentmetrics.api;

/** What {@link AgentMetrics#queueReport} counts in a queue: tasks waiting, or blocked. */
public enum QueuedTaskState implements LabelValue {
  /** {@code waiting}: tasks waiting to be picked up (the queue's depth). */
  WAITING("waiting"),
  /** {@code blocked}: tasks waiting for their dependencies to resolve. */
  BLOCKED("blocked");

  private final String label;

  QueuedTaskState(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static QueuedTaskState fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
