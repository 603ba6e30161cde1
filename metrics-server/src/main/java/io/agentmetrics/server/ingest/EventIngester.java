package io.agentmetrics.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.core.GuardedMeters;
import io.agentmetrics.core.MetricHandles;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Validates parsed events against the catalogue and records the valid ones through the {@link
 * AgentMetrics} facade; an invalid event never stops the others of its batch. Counts every event in
 * {@code agentmetrics_ingest_events_total{event_type, result}}.
 */
public final class EventIngester {

  private static final List<EventType> TYPES =
      Stream.concat(
              Stream.of(
                  new LlmCallEvent(),
                  new AgentRunEvent(),
                  new ToolCallEvent(),
                  new TaskEvent(),
                  new SecurityEvent(),
                  new RagRetrievalEvent(),
                  new CacheEvent(),
                  new InFlightEvent()),
              DeclaredEventTypes.all().stream())
          .toList();

  private final AgentMetrics metrics;
  private final Map<String, EventType> types = new LinkedHashMap<>();
  private final Map<String, Counter> accepted = new LinkedHashMap<>();
  private final Map<String, Counter> rejected = new LinkedHashMap<>();

  /**
   * Records into {@code metrics} and counts events in {@code agentmetrics_ingest_events_total}
   * through {@code meters}. Every {@link IngestEventType}, the one list of them (and that metric's
   * {@code event_type} values), has exactly one reader.
   */
  public EventIngester(AgentMetrics metrics, GuardedMeters meters) {
    this.metrics = metrics;
    MetricHandles.IngestEvents<Counter> counters = MetricHandles.ingestEvents(meters);
    Set<IngestEventType> read = EnumSet.noneOf(IngestEventType.class);
    for (EventType type : TYPES) {
      if (!read.add(type.type())) {
        throw new IllegalStateException("two readers of ingest event type " + type.name());
      }
      types.put(type.name(), type);
      accepted.put(type.name(), counters.eventType(type.name()).result("accepted"));
      rejected.put(type.name(), counters.eventType(type.name()).result("rejected"));
    }
    if (read.size() != IngestEventType.values().length) {
      throw new IllegalStateException(
          "ingest event types without a reader: "
              + EnumSet.complementOf(EnumSet.copyOf(read))
              + " (declare its fields in the model, or add a reader to EventIngester.TYPES)");
    }
    rejected.put(
        LabelPolicy.OVERFLOW_VALUE,
        counters.eventType(LabelPolicy.OVERFLOW_VALUE).result("rejected"));
  }

  /** The event types, by the value of their {@code type} field, with their kinds. */
  public static Map<String, List<String>> eventTypes() {
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    TYPES.forEach(type -> kinds.put(type.name(), type.kinds()));
    return kinds;
  }

  /**
   * Validates every event, then records the valid ones. The result names the first {@value
   * IngestResult#MAX_ERRORS} refused events and counts all of them.
   */
  public IngestResult ingest(List<ParsedEvent> events) {
    List<Consumer<AgentMetrics>> recordings = new ArrayList<>(events.size());
    List<IngestResult.Rejection> errors = new ArrayList<>();
    int refused = 0;
    for (int index = 0; index < events.size(); index++) {
      ParsedEvent parsed = events.get(index);
      if (parsed.isMalformed()) {
        refused++;
        if (errors.size() < IngestResult.MAX_ERRORS) {
          errors.add(new IngestResult.Rejection(index, parsed.malformed()));
        }
        rejected.get(LabelPolicy.OVERFLOW_VALUE).increment();
        continue;
      }
      JsonNode event = parsed.json();
      EventType type = typeOf(event);
      try {
        if (type == null) {
          throw unknownType(event);
        }
        recordings.add(type.read(event));
        accepted.get(type.name()).increment();
      } catch (InvalidEventException e) {
        refused++;
        if (errors.size() < IngestResult.MAX_ERRORS) {
          String prefix = type == null ? "" : type.name() + ": ";
          errors.add(new IngestResult.Rejection(index, prefix + e.getMessage()));
        }
        rejected.get(type == null ? LabelPolicy.OVERFLOW_VALUE : type.name()).increment();
      }
    }
    for (Consumer<AgentMetrics> recording : recordings) {
      recording.accept(metrics);
    }
    return new IngestResult(recordings.size(), refused, errors);
  }

  private EventType typeOf(JsonNode event) {
    JsonNode type = event.isObject() ? event.get("type") : null;
    return type != null && type.isTextual() ? types.get(type.textValue()) : null;
  }

  private static InvalidEventException unknownType(JsonNode event) {
    if (!event.isObject()) {
      return new InvalidEventException("an event must be a JSON object");
    }
    JsonNode type = event.get("type");
    String known = String.join(", ", eventTypes().keySet());
    if (type == null || type.isNull()) {
      return EventFields.invalid("type", "is required: one of " + known);
    }
    if (!type.isTextual()) {
      return EventFields.invalid("type", "must be a string: one of " + known);
    }
    return EventFields.invalid(
        "type", "value '" + EventFields.printable(type.textValue()) + "' is not one of " + known);
  }
}
