package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.RunStatus;
import java.util.function.Consumer;

/**
 * {@code agent_run}: a run {@code finished} (default) or {@code started}, an agent's {@code
 * startup}, its open {@code sessions}, or a product {@code feature} used through it.
 */
final class AgentRunEvent extends EventType {

  private static final LabelDefinition STATUS =
      new LabelDefinition(
          "status", "How the agent run ended", LabelPolicy.oneOf(RunStatus.values()));

  AgentRunEvent() {
    super(IngestEventType.AGENT_RUN);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    if (kind.equals("feature")) {
      String feature = f.label("feature", Labels.FEATURE);
      return metrics -> metrics.featureUsed(feature);
    }
    String agent = f.label("agent", Labels.AGENT);
    switch (kind) {
      case "started":
        return metrics -> metrics.agentRunStarted(agent);
      case "startup":
        double seconds = f.number("duration_seconds");
        return metrics -> metrics.agentStartup(agent, seconds);
      case "sessions":
        long sessions = f.count("active_sessions");
        return metrics -> metrics.activeSessions(agent, sessions);
      default:
        AgentRun run =
            new AgentRun(
                agent,
                f.choice("status", STATUS, RunStatus::fromLabel),
                f.number("duration_seconds"),
                f.label("error_type", Labels.ERROR_TYPE, null),
                f.optionalCount("inference_calls", AgentRun.NOT_REPORTED),
                f.optionalCount("tool_calls", AgentRun.NOT_REPORTED));
        return metrics -> metrics.agentRun(run);
    }
  }
}
