package io.agentmetrics.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.model.EventModel.Event;
import io.agentmetrics.model.EventModel.Field;
import io.agentmetrics.model.EventModel.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the model's ingest events generate beyond {@code IngestEventType}: the facade methods of the
 * declared kinds ({@code DeclaredEvents}, with their no-ops), the metrics server's readers of them
 * ({@code DeclaredEventTypes}), and the README's table of every event type.
 */
final class EventSources {

  /** Where the generated files say they come from. */
  static final String ORIGIN =
      "GENERATED from the {@code events} of {@code metrics-api/src/main/model/catalogue.yaml} by"
          + " {@code io.agentmetrics.model.CatalogueGenerator}: change the model, not this file.";

  /** The line before the README's generated table. */
  static final String README_BEGIN =
      "<!-- BEGIN ingest events: generated from metrics-api/src/main/model/catalogue.yaml; "
          + "regenerate with ./mvnw -B -q -pl catalogue-model test -Dagentmetrics.regenerateDocs=true"
          + " -->";

  /** The line after it. */
  static final String README_END = "<!-- END ingest events -->";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventSources() {}

  /** {@code io.agentmetrics.api.DeclaredEvents}: one abstract and one no-op method per kind. */
  static String facade(EventModel model) {
    StringBuilder methods = new StringBuilder();
    StringBuilder noops = new StringBuilder();
    StringBuilder examples = new StringBuilder();
    for (Event event : model.declared()) {
      examples.append("    ").append(exampleCall(event)).append(";\n");
      for (Kind kind : event.kinds()) {
        methods.append("\n  /**\n   * ").append(kind.doc()).append("\n   *\n");
        for (Field field : kind.fields()) {
          methods
              .append("   * @param ")
              .append(field.parameter())
              .append(' ')
              .append(parameterDoc(field))
              .append('\n');
        }
        methods.append("   */\n  void ").append(signature(kind)).append(";\n");
        noops.append("\n    @Override\n    default void ").append(signature(kind)).append(" {}\n");
      }
    }
    return "package io.agentmetrics.api;\n\n"
        + "/**\n"
        + " * The facade methods of the ingest events whose fields the model declares, one per kind;\n"
        + " * {@link AgentMetrics} extends it and the metrics server's readers call them.\n"
        + " *\n"
        + " * <p>"
        + ORIGIN
        + "\n */\n"
        + "public interface DeclaredEvents {\n"
        + methods
        + "\n  /**\n   * Records the model's example event of each declared type on {@code target}: one of"
        + " each,\n   * for tests.\n   */\n"
        + "  static void recordExamples(DeclaredEvents target) {\n"
        + examples
        + "  }\n"
        + "\n  /** Records nothing: the methods of the no-op facade. */\n"
        + "  interface Noop extends DeclaredEvents {"
        + noops
        + "  }\n}\n";
  }

  /** {@code io.agentmetrics.server.ingest.DeclaredEventTypes}: a reader per declared type. */
  static String readers(EventModel model) {
    Set<String> imports =
        new TreeSet<>(
            Set.of(
                "io.agentmetrics.api.AgentMetrics",
                "io.agentmetrics.api.IngestEventType",
                "io.agentmetrics.api.MetricCatalogue",
                "io.agentmetrics.api.MetricDefinition",
                "java.util.List",
                "java.util.function.Consumer"));
    List<String> instances = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    StringBuilder classes = new StringBuilder();
    for (Event event : model.declared()) {
      String name = JavaNames.className(event.constant()) + "Event";
      instances.add("new " + name + "()");
      List<String> feeds = new ArrayList<>();
      event.feeds().forEach(metric -> feeds.add("MetricCatalogue." + metric));
      examples.add(
          "\n        new Example(IngestEventType."
              + event.constant()
              + ", "
              + CatalogueGenerator.literal(event.example().strip())
              + ", List.of("
              + String.join(", ", feeds)
              + "))");
      classes
          .append("\n  /** {@code ")
          .append(event.type())
          .append("}: ")
          .append(event.doc())
          .append(" */\n  private static final class ")
          .append(name)
          .append(" extends EventType {\n    ")
          .append(name)
          .append("() {\n      super(IngestEventType.")
          .append(event.constant())
          .append(
              ");\n    }\n\n    @Override\n    Consumer<AgentMetrics> read(String kind, EventFields f)"
                  + " throws InvalidEventException {\n");
      for (Kind kind : event.kinds()) {
        classes.append("      if (kind.equals(").append(CatalogueGenerator.literal(kind.kind()));
        classes.append(")) {\n");
        List<String> arguments = new ArrayList<>();
        for (Field field : kind.fields()) {
          classes
              .append("        ")
              .append(field.javaType())
              .append(' ')
              .append(field.parameter())
              .append(" = ")
              .append(readExpression(field))
              .append(";\n");
          arguments.add(field.parameter());
          if (!field.number()) {
            imports.add("io.agentmetrics.api.Labels");
          }
          if (field.enumType() != null) {
            imports.add("io.agentmetrics.api." + field.enumType());
          }
        }
        classes
            .append("        return metrics -> metrics.")
            .append(kind.method())
            .append('(')
            .append(String.join(", ", arguments))
            .append(");\n      }\n");
      }
      classes.append("      throw new IllegalStateException(\"no kind \" + kind);\n    }\n  }\n");
    }
    StringBuilder source = new StringBuilder("package io.agentmetrics.server.ingest;\n\n");
    imports.forEach(i -> source.append("import ").append(i).append(";\n"));
    return source
        + "\n/**\n * The readers of the ingest events whose fields the model declares.\n *\n * <p>"
        + ORIGIN
        + "\n */\nfinal class DeclaredEventTypes {\n\n  private DeclaredEventTypes() {}\n\n"
        + "  /** One reader per declared type. */\n  static List<EventType> all() {\n"
        + "    return List.of("
        + String.join(", ", instances)
        + ");\n  }\n\n"
        + "  /** An example event of a declared type and the metrics it records. */\n"
        + "  record Example(IngestEventType type, String json, List<MetricDefinition> feeds) {}\n\n"
        + "  /** One example per declared type, from the model, for tests. */\n"
        + "  static List<Example> examples() {\n    return List.of("
        + String.join(",", examples)
        + ");\n  }\n"
        + classes
        + "}\n";
  }

  /** The README's table of event types, kinds and fields, and the declared types' examples. */
  static String readme(EventModel model) {
    StringBuilder out = new StringBuilder(README_BEGIN).append('\n');
    out.append("| `type` | `kind` (default first) | Fields |\n| --- | --- | --- |\n");
    for (Event event : model.events()) {
      boolean first = true;
      for (Kind kind : event.kinds()) {
        String kindCell = "";
        if (event.kinds().size() > 1) {
          kindCell = (first && event.kindRequired() ? "required: " : "") + "`" + kind.kind() + "`";
        }
        out.append("| ")
            .append(first ? "`" + event.type() + "` " : "")
            .append("| ")
            .append(kindCell.isEmpty() ? "" : kindCell + " ")
            .append("| ")
            .append(kind.fieldsDoc())
            .append(" |\n");
        first = false;
      }
    }
    out.append("\n\\* required.\n");
    for (Event event : model.declared()) {
      out.append("\n```json\n").append(event.example().strip()).append("\n```\n");
    }
    return out.append(README_END).append('\n').toString();
  }

  /** The facade call of {@code event}'s example, e.g. {@code target.x("a", 0.5)}. */
  static String exampleCall(Event event) {
    JsonNode example;
    try {
      example = JSON.readTree(event.example());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          event.type() + "'s example is not JSON: " + e.getMessage());
    }
    if (!event.type().equals(example.path("type").asText())) {
      throw new IllegalArgumentException(event.type() + "'s example has another type");
    }
    String kindName = example.path("kind").asText(event.kinds().get(0).kind());
    Kind kind =
        event.kinds().stream()
            .filter(k -> k.kind().equals(kindName))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(event.type() + "'s example: no kind " + kindName));
    List<String> arguments = new ArrayList<>();
    Set<String> known = new TreeSet<>(Set.of("type", "kind"));
    for (Field field : kind.fields()) {
      known.add(field.name());
      JsonNode value = example.get(field.name());
      if (value == null && field.required()) {
        throw new IllegalArgumentException(event.type() + "'s example lacks " + field.name());
      }
      if (field.number()) {
        arguments.add(value == null ? "Double.NaN" : Double.toString(value.asDouble()));
      } else if (field.enumType() != null) {
        arguments.add(
            field.enumType() + ".fromLabel(" + CatalogueGenerator.literal(value.asText()) + ")");
      } else {
        arguments.add(
            CatalogueGenerator.literal(value == null ? field.defaultValue() : value.asText()));
      }
    }
    example
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                throw new IllegalArgumentException(event.type() + "'s example: no field " + name);
              }
            });
    return "target." + kind.method() + "(" + String.join(", ", arguments) + ")";
  }

  private static String signature(Kind kind) {
    List<String> parameters = new ArrayList<>();
    for (Field field : kind.fields()) {
      parameters.add(field.javaType() + " " + field.parameter());
    }
    return kind.method() + "(" + String.join(", ", parameters) + ")";
  }

  private static String parameterDoc(Field field) {
    String doc = field.doc() == null ? "the {@code " + field.name() + "} field" : field.doc();
    if (field.required()) {
      return doc;
    }
    if (field.number()) {
      return doc + "; NaN when absent";
    }
    return doc
        + (field.defaultValue().isEmpty()
            ? "; empty when absent"
            : "; {@code " + field.defaultValue() + "} when absent");
  }

  private static String readExpression(Field field) {
    String name = CatalogueGenerator.literal(field.name());
    if (field.number()) {
      return (field.required() ? "f.number(" : "f.optionalNumber(") + name + ")";
    }
    String label = "Labels." + field.attribute();
    if (field.enumType() != null) {
      return "f.choice(" + name + ", " + label + ", " + field.enumType() + "::fromLabel)";
    }
    return field.required()
        ? "f.label(" + name + ", " + label + ")"
        : "f.label("
            + name
            + ", "
            + label
            + ", "
            + CatalogueGenerator.literal(field.defaultValue())
            + ")";
  }
}
