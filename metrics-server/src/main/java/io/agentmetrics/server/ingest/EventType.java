package io.agentmetrics.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.IngestEventType;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code type} of ingest event. Its optional {@code kind} field picks the facade method (the
 * phase of a lifecycle, or a gauge); the first kind is the default unless the kind is required.
 */
abstract class EventType {

  private final IngestEventType type;
  private final String name;
  private final boolean kindRequired;
  private final List<String> kinds;

  /** A reader of {@code type}, whose kinds the model declares. */
  EventType(IngestEventType type) {
    this.type = type;
    this.name = type.label();
    this.kindRequired = type.kindRequired();
    this.kinds = type.kinds();
  }

  /** The type it reads. */
  final IngestEventType type() {
    return type;
  }

  /** The value of the event's {@code type} field. */
  final String name() {
    return name;
  }

  /** The allowed values of the {@code kind} field. */
  final List<String> kinds() {
    return kinds;
  }

  /** Validates a whole event and returns what to record; records nothing itself. */
  final Consumer<AgentMetrics> read(JsonNode event) throws InvalidEventException {
    EventFields fields = new EventFields(event, "type", "kind");
    Consumer<AgentMetrics> recording = read(kind(event.get("kind")), fields);
    fields.rejectUnknownFields();
    return recording;
  }

  /** Reads the fields of one kind of this type. */
  abstract Consumer<AgentMetrics> read(String kind, EventFields fields)
      throws InvalidEventException;

  private String kind(JsonNode node) throws InvalidEventException {
    if (node == null || node.isNull()) {
      if (kindRequired) {
        throw EventFields.invalid("kind", "is required: one of " + String.join(", ", kinds));
      }
      return kinds.get(0);
    }
    if (!node.isTextual() || !kinds.contains(node.textValue())) {
      throw EventFields.invalid(
          "kind", "must be one of " + String.join(", ", kinds) + " for type " + name);
    }
    return node.textValue();
  }
}
