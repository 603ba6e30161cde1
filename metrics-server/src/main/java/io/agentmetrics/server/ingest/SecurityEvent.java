package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AccessDecision;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import java.util.function.Consumer;

/**
 * {@code security_event}: a {@code skill_access} check, a {@code permission_escalation} request,
 * the agent's active {@code permissions}, or a {@code policy_violation}.
 */
final class SecurityEvent extends EventType {

  SecurityEvent() {
    super(IngestEventType.SECURITY_EVENT);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    String agent = f.label("agent", Labels.AGENT);
    switch (kind) {
      case "skill_access":
        String skill = f.label("skill", Labels.SKILL);
        boolean allowed =
            f.label("decision", Labels.ACCESS_DECISION).equals(AccessDecision.ALLOWED.label());
        return metrics -> metrics.skillAccess(agent, skill, allowed);
      case "permission_escalation":
        return metrics -> metrics.permissionEscalationRequested(agent);
      case "permissions":
        long permissions = f.count("active_permissions");
        return metrics -> metrics.activePermissions(agent, permissions);
      default:
        String violation = f.label("violation_type", Labels.VIOLATION_TYPE);
        return metrics -> metrics.policyViolation(agent, violation);
    }
  }
}
