package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.QueuedTaskState;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.TaskStatus;
import java.util.function.Consumer;

/**
 * {@code task}: a task {@code finished} (default) or {@code started}, or a {@code queue} snapshot
 * (waiting {@code depth} and/or {@code blocked} tasks). A snapshot with a {@code source} (the agent
 * process that sees the queue) is an absolute report: the newest of each source counts across
 * server replicas and it expires when the source stops reporting; without one it sets the queue's
 * last-value gauges.
 */
final class TaskEvent extends EventType {

  TaskEvent() {
    super(IngestEventType.TASK);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    String queue = f.label("queue", Labels.QUEUE);
    switch (kind) {
      case "queue":
        boolean hasDepth = f.has("depth");
        boolean hasBlocked = f.has("blocked");
        long depth = f.optionalCount("depth");
        long blocked = f.optionalCount("blocked");
        if (!hasDepth && !hasBlocked) {
          throw EventFields.invalid("depth", "or 'blocked' is required for kind queue");
        }
        String source = f.label("source", Labels.SOURCE, null);
        if (source != null) {
          return metrics -> {
            if (hasDepth) {
              metrics.queueReport(source, queue, QueuedTaskState.WAITING, depth);
            }
            if (hasBlocked) {
              metrics.queueReport(source, queue, QueuedTaskState.BLOCKED, blocked);
            }
          };
        }
        return metrics -> {
          if (hasDepth) {
            metrics.queueDepth(queue, depth);
          }
          if (hasBlocked) {
            metrics.tasksBlocked(queue, blocked);
          }
        };
      case "started":
        String startedBy = f.label("agent", Labels.AGENT);
        return metrics -> metrics.taskStarted(startedBy, queue);
      default:
        TaskResult task =
            new TaskResult(
                f.label("agent", Labels.AGENT),
                queue,
                f.choice("status", Labels.TASK_STATUS, TaskStatus::fromLabel),
                f.number("duration_seconds"));
        return metrics -> metrics.taskFinished(task);
    }
  }
}
