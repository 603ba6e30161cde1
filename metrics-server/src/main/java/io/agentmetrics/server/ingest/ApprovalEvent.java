package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import java.util.function.Consumer;

/** {@code approval}: a human approval {@code requested}, {@code decided} or {@code escalated}. */
final class ApprovalEvent extends EventType {

  ApprovalEvent() {
    super(IngestEventType.APPROVAL);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    String agent = f.label("agent", Labels.AGENT);
    switch (kind) {
      case "requested":
        return metrics -> metrics.approvalRequested(agent);
      case "escalated":
        return metrics -> metrics.approvalEscalated(agent);
      default:
        ApprovalDecision decision =
            f.choice("decision", Labels.APPROVAL_DECISION, ApprovalDecision::fromLabel);
        double wait = f.number("wait_seconds");
        return metrics -> metrics.approvalDecided(agent, decision, wait);
    }
  }
}
