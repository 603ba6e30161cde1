package io.agentmetrics.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.LabelDefinition;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the typed fields of one event object. Every failure names the field; fields nobody read are
 * reported by {@link #rejectUnknownFields()} so that typos do not pass silently.
 */
final class EventFields {

  private final JsonNode event;
  private final Set<String> read = new HashSet<>();

  EventFields(JsonNode event, String... alreadyRead) {
    this.event = event;
    read.addAll(Set.of(alreadyRead));
  }

  /** A required label value, checked against the catalogue label's policy. */
  String label(String field, LabelDefinition label) throws InvalidEventException {
    String value = text(field);
    if (value == null) {
      throw missing(field);
    }
    return checked(field, label, value);
  }

  /** An optional label value; {@code defaultValue} (which may be null) when absent. */
  String label(String field, LabelDefinition label, String defaultValue)
      throws InvalidEventException {
    String value = text(field);
    return value == null ? defaultValue : checked(field, label, value);
  }

  /** A required constant, e.g. a status, read through the enum's {@code fromLabel}. */
  <E> E choice(String field, LabelDefinition label, Function<String, E> fromLabel)
      throws InvalidEventException {
    String value = label(field, label);
    E constant = fromLabel.apply(value);
    if (constant == null) {
      throw invalid(field, "'" + value + "' is not " + label.policy().describe());
    }
    return constant;
  }

  /** A required non-negative, finite number. */
  double number(String field) throws InvalidEventException {
    double value = optionalNumber(field);
    if (Double.isNaN(value)) {
      throw missing(field);
    }
    return value;
  }

  /** An optional non-negative, finite number; NaN when absent. */
  double optionalNumber(String field) throws InvalidEventException {
    JsonNode node = get(field);
    if (node == null) {
      return Double.NaN;
    }
    if (!node.isNumber()) {
      throw invalid(field, "must be a number");
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value)) {
      throw invalid(field, "must be a finite number");
    }
    if (value < 0) {
      throw invalid(field, "must not be negative");
    }
    return value;
  }

  /**
   * An optional array of at most {@code maxItems} non-negative, finite numbers; empty when absent.
   */
  double[] optionalNumbers(String field, int maxItems) throws InvalidEventException {
    JsonNode node = get(field);
    if (node == null) {
      return new double[0];
    }
    if (!node.isArray()) {
      throw invalid(field, "must be an array of numbers");
    }
    if (node.size() > maxItems) {
      throw invalid(field, "has " + node.size() + " items, at most " + maxItems + " are allowed");
    }
    double[] values = new double[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode item = node.get(i);
      if (!item.isNumber() || !Double.isFinite(item.doubleValue()) || item.doubleValue() < 0) {
        throw invalid(field, "item " + i + " must be a non-negative, finite number");
      }
      values[i] = item.doubleValue();
    }
    return values;
  }

  /** An optional non-negative integer; {@code absent} when the field is absent. */
  long optionalCount(String field, long absent) throws InvalidEventException {
    return get(field) == null ? absent : optionalCount(field);
  }

  /** A required non-negative integer. */
  long count(String field) throws InvalidEventException {
    if (get(field) == null) {
      throw missing(field);
    }
    return optionalCount(field);
  }

  /** An optional non-negative integer; 0 when absent. */
  long optionalCount(String field) throws InvalidEventException {
    JsonNode node = get(field);
    if (node == null) {
      return 0;
    }
    if (!node.isIntegralNumber()) {
      throw invalid(field, "must be an integer");
    }
    if (!node.canConvertToLong()) {
      throw invalid(field, "is too large");
    }
    long value = node.longValue();
    if (value < 0) {
      throw invalid(field, "must not be negative");
    }
    return value;
  }

  /** Whether an optional field is present (and not null). */
  boolean has(String field) {
    return event.hasNonNull(field);
  }

  /** Fails when the event has a field that none of the readers above asked for. */
  void rejectUnknownFields() throws InvalidEventException {
    for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new InvalidEventException("unknown field '" + printable(name) + "'");
      }
    }
  }

  /** An error about {@code field}. */
  static InvalidEventException invalid(String field, String problem) {
    return new InvalidEventException("field '" + field + "' " + problem);
  }

  private String checked(String field, LabelDefinition label, String value)
      throws InvalidEventException {
    boolean allowed =
        label.policy().isClosed()
            ? label.policy().allowedValues().contains(value)
            : label.policy().allows(value);
    if (!allowed) {
      throw invalid(
          field, "value '" + printable(value) + "' is not allowed: " + label.policy().describe());
    }
    return value;
  }

  private String text(String field) throws InvalidEventException {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw invalid(field, "must be a string");
    }
    return node.textValue();
  }

  private JsonNode get(String field) {
    read.add(field);
    JsonNode node = event.get(field);
    return node == null || node.isNull() ? null : node;
  }

  private static InvalidEventException missing(String field) {
    return invalid(field, "is required");
  }

  /** At most 64 characters of a client's value, for error messages. */
  static String printable(String value) {
    String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
