package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.ToolCall;
import io.agentmetrics.api.ToolKind;
import java.util.function.Consumer;

/** {@code tool_call}: a finished tool or skill execution. */
final class ToolCallEvent extends EventType {

  ToolCallEvent() {
    super(IngestEventType.TOOL_CALL);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    ToolKind toolKind =
        f.has("tool_type")
            ? f.choice("tool_type", Labels.TOOL_TYPE, ToolKind::fromLabel)
            : ToolKind.TOOL;
    ToolCall call =
        new ToolCall(
            f.label("agent", Labels.AGENT),
            f.label("tool", Labels.TOOL),
            toolKind,
            f.number("duration_seconds"),
            f.label("error_type", Labels.ERROR_TYPE, null));
    return metrics -> metrics.toolCall(call);
  }
}
