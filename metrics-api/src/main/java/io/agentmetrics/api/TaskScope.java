package io.agentmetrics.api;

/**
 * A task in progress, from {@link AgentMetrics#startTask}: it is counted and the active-task gauge
 * goes up when it starts; {@link #close()} records it with its duration measured by the facade's
 * {@link Ticker}, {@link TaskStatus#COMPLETED} unless {@link #ended} said otherwise. Closing twice
 * records once.
 */
public final class TaskScope extends MeasuredScope {

  private final String agent;
  private final String queue;
  private TaskStatus status = TaskStatus.COMPLETED;

  TaskScope(AgentMetrics metrics, String agent, String queue) {
    super(metrics);
    this.agent = agent;
    this.queue = queue;
    metrics.taskStarted(agent, queue);
  }

  /** The task ended with {@code status}. */
  public TaskScope ended(TaskStatus status) {
    this.status = status == null ? TaskStatus.FAILED : status;
    return this;
  }

  /** The task failed. */
  public TaskScope failed() {
    return ended(TaskStatus.FAILED);
  }

  @Override
  void record(double seconds) {
    metrics.taskFinished(new TaskResult(agent, queue, status, seconds));
  }
}
