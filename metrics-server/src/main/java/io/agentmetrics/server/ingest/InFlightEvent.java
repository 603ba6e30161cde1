package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.InFlightWork;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code in_flight}: one agent process ({@code source}) reports how much work an agent has in
 * flight, as absolute numbers: {@code runs}, {@code tasks}, {@code approvals_pending}, and the
 * {@code sessions} and {@code permissions} it holds open, at least one of them. Unlike started and
 * finished events, absolute reports add up across server replicas and heal after a restart or a
 * lost event; the newest report of each source counts.
 */
final class InFlightEvent extends EventType {

  private static final Map<InFlightWork, String> FIELDS =
      Map.of(
          InFlightWork.RUNS, "runs",
          InFlightWork.TASKS, "tasks",
          InFlightWork.APPROVALS, "approvals_pending",
          InFlightWork.SESSIONS, "sessions",
          InFlightWork.PERMISSIONS, "permissions");

  InFlightEvent() {
    super(IngestEventType.IN_FLIGHT);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    String source = f.label("source", Labels.SOURCE);
    String agent = f.label("agent", Labels.AGENT);
    Map<InFlightWork, Long> counts = new EnumMap<>(InFlightWork.class);
    for (InFlightWork work : InFlightWork.values()) {
      String field = FIELDS.get(work);
      if (f.has(field)) {
        counts.put(work, f.count(field));
      }
    }
    if (counts.isEmpty()) {
      throw EventFields.invalid(
          "runs", "or tasks, approvals_pending, sessions or permissions is required");
    }
    return metrics -> counts.forEach((work, count) -> metrics.inFlight(source, agent, work, count));
  }
}
