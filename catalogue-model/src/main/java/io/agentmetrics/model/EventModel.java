package io.agentmetrics.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ingest events of the model ({@code events}): each type with its kinds. A kind either names a
 * facade {@code method} and declares its {@code fields}, from which the facade method, its no-op,
 * the server's reader and the README's row are generated, or, for the types whose readers are still
 * hand-written, documents its fields in {@code fields_doc}. A broken entry fails the build, naming
 * it.
 *
 * @param events the types, in the model's order
 */
record EventModel(List<Event> events) {

  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * One {@code type} of event.
   *
   * @param example for a declared type, one event as JSON (shown in the README and accepted by its
   *     test); null otherwise
   * @param feeds for a declared type, the constants of the metrics its example records (checked by
   *     the server's tests); empty otherwise
   */
  record Event(
      String constant,
      String type,
      String doc,
      boolean kindRequired,
      List<Kind> kinds,
      String example,
      List<String> feeds) {

    /** Whether its kinds declare their fields (and its reader is generated). */
    boolean declared() {
      return kinds.get(0).method() != null;
    }
  }

  /**
   * One {@code kind} of a type.
   *
   * @param method the facade method it calls, or null when its reader is hand-written
   * @param doc the facade method's Javadoc (declared kinds)
   * @param fields its fields (declared kinds)
   * @param fieldsDoc the README's description of its fields
   */
  record Kind(String kind, String method, String doc, List<Field> fields, String fieldsDoc) {}

  /**
   * One field of a declared kind: a label value ({@code attribute}, a {@code Labels} constant) or a
   * non-negative number.
   *
   * @param enumType the api enum of the attribute's values, or null for text
   * @param defaultValue the value of an absent optional label ("" when the attribute allows the
   *     empty value), or null for required fields and numbers (absent: NaN)
   */
  record Field(
      String name,
      String attribute,
      String enumType,
      boolean required,
      String defaultValue,
      String doc) {

    boolean number() {
      return attribute == null;
    }

    /** The facade parameter's name: the field's name in camel case. */
    String parameter() {
      return JavaNames.camel(name);
    }

    String javaType() {
      return number() ? "double" : enumType != null ? enumType : "String";
    }
  }

  /** Reads and checks the {@code events} of {@code model}. */
  static EventModel read(JsonNode model) {
    Map<String, JsonNode> attributes = new HashMap<>();
    for (JsonNode attribute : model.path("attributes")) {
      attributes.put(attribute.path("constant").asText(), attribute);
    }
    Set<String> metrics = new HashSet<>();
    for (JsonNode section : model.path("sections")) {
      section.path("metrics").forEach(m -> metrics.add(m.path("constant").asText()));
    }
    List<Event> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> methods = new HashSet<>();
    for (JsonNode node : model.path("events")) {
      String constant = text(node, "constant", "an event type");
      String type = text(node, "type", constant);
      if (!CONSTANT.matcher(constant).matches() || !seen.add(constant) || !seen.add(type)) {
        throw new IllegalArgumentException("event type " + constant + " is invalid or twice");
      }
      List<Kind> kinds = new ArrayList<>();
      Set<String> kindNames = new HashSet<>();
      for (JsonNode kind : node.path("kinds")) {
        String what = type + "'s kind " + kind.path("kind").asText("?");
        Kind read = kind(kind, what, attributes);
        if (!NAME.matcher(read.kind()).matches() || !kindNames.add(read.kind())) {
          throw new IllegalArgumentException(what + " is invalid or twice");
        }
        if (read.method() != null && !methods.add(read.method())) {
          throw new IllegalArgumentException(what + ": method " + read.method() + " is taken");
        }
        kinds.add(read);
      }
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException(type + " needs at least one kind");
      }
      Event event =
          new Event(
              constant,
              type,
              text(node, "doc", constant),
              node.path("kind_required").asBoolean(false),
              List.copyOf(kinds),
              node.hasNonNull("example") ? node.get("example").asText() : null,
              feeds(node, type, metrics));
      boolean declared = event.declared();
      if (kinds.stream().anyMatch(k -> (k.method() != null) != declared)) {
        throw new IllegalArgumentException(type + ": declare the fields of all its kinds or none");
      }
      if (declared != (event.example() != null) || declared == event.feeds().isEmpty()) {
        throw new IllegalArgumentException(
            type
                + ": a type with declared fields needs an example and feeds, and only such a type");
      }
      events.add(event);
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("the model declares no event types");
    }
    return new EventModel(List.copyOf(events));
  }

  /** The declared types only. */
  List<Event> declared() {
    return events.stream().filter(Event::declared).toList();
  }

  private static List<String> feeds(JsonNode node, String type, Set<String> metrics) {
    List<String> feeds = new ArrayList<>();
    for (JsonNode metric : node.path("feeds")) {
      if (!metrics.contains(metric.asText())) {
        throw new IllegalArgumentException(type + " feeds no metric " + metric.asText());
      }
      feeds.add(metric.asText());
    }
    return List.copyOf(feeds);
  }

  private static Kind kind(JsonNode kind, String what, Map<String, JsonNode> attributes) {
    String name = text(kind, "kind", what);
    if (!kind.has("method")) {
      return new Kind(name, null, null, List.of(), text(kind, "fields_doc", what));
    }
    if (kind.has("fields_doc")) {
      throw new IllegalArgumentException(what + ": fields_doc is generated from its fields");
    }
    List<Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>(Set.of("type", "kind"));
    for (JsonNode field : kind.path("fields")) {
      Field read = field(field, what, attributes);
      if (!NAME.matcher(read.name()).matches() || !names.add(read.name())) {
        throw new IllegalArgumentException(
            what + ": field " + read.name() + " is invalid or twice");
      }
      fields.add(read);
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(what + " declares no fields");
    }
    return new Kind(
        name,
        text(kind, "method", what),
        text(kind, "doc", what),
        List.copyOf(fields),
        fieldsDoc(fields));
  }

  private static Field field(JsonNode field, String what, Map<String, JsonNode> attributes) {
    String name = text(field, "name", what + "'s field");
    String where = what + "'s field " + name;
    boolean required = field.path("required").asBoolean(false);
    String doc = field.hasNonNull("doc") ? field.get("doc").asText() : null;
    if (field.has("number") == field.has("attribute")) {
      throw new IllegalArgumentException(where + " needs an attribute or number: true");
    }
    if (field.has("number")) {
      return new Field(name, null, null, required, null, doc);
    }
    String constant = field.get("attribute").asText();
    JsonNode attribute = attributes.get(constant);
    if (attribute == null) {
      throw new IllegalArgumentException(where + ": no attribute " + constant);
    }
    String enumType = attribute.hasNonNull("enum") ? attribute.get("enum").asText() : null;
    String defaultValue = null;
    if (!required) {
      if (enumType != null) {
        throw new IllegalArgumentException(where + ": an enum field must be required");
      }
      defaultValue =
          field.hasNonNull("default")
              ? field.get("default").asText()
              : attribute.path("or_empty").asBoolean(false) ? "" : null;
      if (defaultValue == null) {
        throw new IllegalArgumentException(
            where + ": an optional label needs a default, or an attribute that may be empty");
      }
    }
    return new Field(name, constant, enumType, required, defaultValue, doc);
  }

  /** The README's description of declared fields: {@code `name`\* (doc)}, comma-separated. */
  private static String fieldsDoc(List<Field> fields) {
    List<String> parts = new ArrayList<>();
    for (Field field : fields) {
      String part = "`" + field.name() + "`" + (field.required() ? "\\*" : "");
      parts.add(field.doc() == null ? part : part + " (" + field.doc() + ")");
    }
    return String.join(", ", parts);
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(what + " needs a '" + field + "'");
    }
    return value.asText();
  }
}
