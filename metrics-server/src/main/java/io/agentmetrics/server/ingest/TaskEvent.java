package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.TaskStatus;
import java.util.function.Consumer;

/**
 * {@code task}: a task {@code finished} (default) or {@code started}, or a {@code queue} snapshot
 * (waiting {@code depth} and/or {@code blocked} tasks).
 */
final class TaskEvent extends EventType {

  TaskEvent() {
    super("task", false, "finished", "started", "queue");
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
