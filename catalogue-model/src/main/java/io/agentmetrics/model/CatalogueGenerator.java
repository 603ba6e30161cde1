package io.agentmetrics.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates metrics-api's {@code Labels} and {@code MetricCatalogue} from its model ({@code
 * catalogue.yaml}): one constant per metric with its Javadoc, in the model's sections and order,
 * and the lookups of a template. Run by metrics-api's build ({@code generate-sources}): {@code
 * CatalogueGenerator MODEL OUTPUT_DIRECTORY}. A model that names an unknown type, origin or bucket
 * set, repeats a constant or a name, or misses a field fails the build, naming the metric.
 */
public final class CatalogueGenerator {

  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> TYPES =
      Set.of("counter", "counter_without_total", "gauge", "timer", "distribution_summary");
  private static final Set<String> ORIGINS = Set.of("agent", "self", "http", "jvm");

  private CatalogueGenerator() {}

  /**
   * {@code CatalogueGenerator MODEL OUTPUT_DIRECTORY} writes metrics-api's classes; {@code
   * CatalogueGenerator --server MODEL OUTPUT_DIRECTORY} the metrics server's readers of the
   * declared events. MODEL is a file, or {@code classpath:} and a resource (the model metrics-api's
   * jar carries).
   */
  public static void main(String[] args) throws IOException {
    String mode = args.length == 3 ? args[0] : "";
    if (args.length != 2 && !mode.equals("--server") && !mode.equals("--core")) {
      throw new IllegalArgumentException(
          "usage: CatalogueGenerator [--server|--core] MODEL OUTPUT_DIRECTORY");
    }
    JsonNode model = readModel(args[args.length - 2]);
    Path out = Path.of(args[args.length - 1]);
    if (mode.equals("--server")) {
      write(
          out.resolve("io/agentmetrics/server/ingest/DeclaredEventTypes.java"),
          EventSources.readers(EventModel.read(model)));
      write(
          out.resolve("io/agentmetrics/server/otlp/GenAiField.java"),
          OtlpSources.genAiField(model));
      return;
    }
    if (mode.equals("--core")) {
      write(out.resolve("io/agentmetrics/core/MetricHandles.java"), HandleSources.handles(model));
      return;
    }
    Path api = out.resolve("io/agentmetrics/api");
    write(api.resolve("Labels.java"), generateLabels(model));
    write(api.resolve("IngestEventType.java"), generateEventTypes(model));
    write(api.resolve("DeclaredEvents.java"), EventSources.facade(EventModel.read(model)));
    write(api.resolve("ProviderNames.java"), generateProviderNames(model));
    write(api.resolve("MetricCatalogue.java"), generate(model));
  }

  /** The model at {@code location}: a file, or {@code classpath:} and a resource. */
  static JsonNode readModel(String location) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    if (!location.startsWith("classpath:")) {
      return yaml.readTree(Path.of(location).toFile());
    }
    String resource = location.substring("classpath:".length());
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource + " on the classpath");
      }
      return yaml.readTree(in);
    }
  }

  private static void write(Path file, String source) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file) || !Files.readString(file).equals(source)) {
      Files.writeString(file, source);
    }
  }

  /**
   * The Java source of {@code IngestEventType}: one constant per event type of the model, with its
   * kinds.
   */
  static String generateEventTypes(JsonNode model) {
    List<String> constants = new ArrayList<>();
    for (EventModel.Event event : EventModel.read(model).events()) {
      List<String> arguments = new ArrayList<>();
      arguments.add(literal(event.type()));
      arguments.add(Boolean.toString(event.kindRequired()));
      event.kinds().forEach(kind -> arguments.add(literal(kind.kind())));
      constants.add(
          "  /** "
              + event.doc()
              + " */\n  "
              + event.constant()
              + "("
              + String.join(", ", arguments)
              + ")");
    }
    return template("IngestEventType.java.template")
        .replace("${events}", String.join(",\n", constants));
  }

  /**
   * The Java source of {@code ProviderNames}: the provider attribute's well-known values and its
   * aliases, each with its sender.
   */
  static String generateProviderNames(JsonNode model) {
    JsonNode provider = null;
    for (JsonNode attribute : model.path("attributes")) {
      if (attribute.has("aliases")) {
        if (provider != null || !attribute.path("constant").asText().equals("PROVIDER")) {
          throw new IllegalArgumentException("aliases are declared on the provider attribute only");
        }
        provider = attribute;
      }
    }
    if (provider == null) {
      throw new IllegalArgumentException("the provider attribute declares no aliases");
    }
    JsonNode senders = model.path("alias_senders");
    Set<String> spellings = new HashSet<>();
    provider.path("well_known").forEach(value -> spellings.add(value.asText()));
    List<String> aliases = new ArrayList<>();
    for (JsonNode alias : provider.path("aliases")) {
      String spelling = text(alias, "spelling", "a provider alias");
      String sender = text(alias, "sender", spelling);
      if (!senders.hasNonNull(sender) || !spellings.add(spelling)) {
        throw new IllegalArgumentException(
            "provider alias " + spelling + ": declared twice, or no sender " + sender);
      }
      String value = text(alias, "value", spelling);
      aliases.add(
          "          new Alias("
              + literal(spelling)
              + ", "
              + (value.equals("_OTHER") ? "OTHER" : literal(value))
              + ", "
              + literal(senders.get(sender).asText())
              + ")");
    }
    return template("ProviderNames.java.template")
        .replace("${wellKnown}", literals(provider.path("well_known")))
        .replace("${aliases}", String.join(",\n", aliases));
  }

  /** The Java source of {@code Labels}: one constant per attribute of the model. */
  static String generateLabels(JsonNode model) {
    StringBuilder attributes = new StringBuilder();
    Set<String> constants = new HashSet<>();
    for (JsonNode attribute : model.path("attributes")) {
      String constant = text(attribute, "constant", "an attribute");
      if (!CONSTANT.matcher(constant).matches() || !constants.add(constant)) {
        throw new IllegalArgumentException(
            "attribute constant '" + constant + "' is invalid or twice");
      }
      attributes
          .append("\n  /** ")
          .append(text(attribute, "doc", constant))
          .append(" */\n  public static final LabelDefinition ")
          .append(constant)
          .append(" =\n      new LabelDefinition(")
          .append(literal(text(attribute, "key", constant)))
          .append(", ")
          .append(literal(text(attribute, "description", constant)))
          .append(", ")
          .append(policy(attribute, constant))
          .append(");\n");
    }
    return template("Labels.java.template").replace("${attributes}", attributes.toString());
  }

  /** A label's policy: a closed set (an enum, a list) or bounded free text. */
  private static String policy(JsonNode label, String constant) {
    String policy;
    if (label.has("enum")) {
      policy = "LabelPolicy.oneOf(" + label.get("enum").asText() + ".values())";
    } else if (label.has("values")) {
      policy = "LabelPolicy.oneOf(" + literals(label.get("values")) + ")";
    } else if (label.has("well_known") || label.has("well_known_from")) {
      String known =
          label.has("well_known")
              ? literals(label.get("well_known"))
              : label.get("well_known_from").asText() + ".toArray(String[]::new)";
      policy =
          "LabelPolicy.wellKnown("
              + number(label, "max_length", constant)
              + ", "
              + number(label, "max_distinct", constant)
              + ", "
              + known
              + ")";
    } else {
      policy =
          "LabelPolicy.freeText("
              + number(label, "max_length", constant)
              + ", "
              + number(label, "max_distinct", constant)
              + ")";
    }
    return label.path("or_empty").asBoolean(false) ? policy + ".orEmpty()" : policy;
  }

  private static String literals(JsonNode values) {
    List<String> literals = new ArrayList<>();
    values.forEach(v -> literals.add(literal(v.asText())));
    return String.join(", ", literals);
  }

  /** The Java source of {@code MetricCatalogue} for a parsed model. */
  static String generate(JsonNode model) {
    StringBuilder buckets = new StringBuilder();
    Set<String> bucketSets = new HashSet<>();
    model
        .path("buckets")
        .fields()
        .forEachRemaining(
            set -> {
              JsonNode exponential = set.getValue().path("exponential");
              bucketSets.add(set.getKey());
              buckets
                  .append("  private static final List<Double> ")
                  .append(bucketConstant(set.getKey()))
                  .append(" =\n      exponential(")
                  .append(number(exponential, "start", set.getKey()))
                  .append(", ")
                  .append(number(exponential, "factor", set.getKey()))
                  .append(", ")
                  .append(number(exponential, "count", set.getKey()))
                  .append(");\n");
            });
    StringBuilder metrics = new StringBuilder();
    Set<String> constants = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (JsonNode section : model.path("sections")) {
      metrics.append("\n  // ---- ").append(text(section, "title", "a section")).append(" ----\n");
      for (JsonNode metric : section.path("metrics")) {
        metrics.append('\n').append(metric(metric, bucketSets, constants, names));
      }
    }
    return template("MetricCatalogue.java.template")
        .replace("${specVersion}", literal(text(model, "spec_version", "the model")))
        .replace("${buckets}", buckets.toString())
        .replace("${metrics}", metrics.toString());
  }

  private static String metric(
      JsonNode metric, Set<String> bucketSets, Set<String> constants, Set<String> names) {
    String constant = text(metric, "constant", "a metric");
    if (!CONSTANT.matcher(constant).matches() || !constants.add(constant)) {
      throw new IllegalArgumentException("metric constant '" + constant + "' is invalid or twice");
    }
    String name = text(metric, "name", constant);
    if (!names.add(name)) {
      throw new IllegalArgumentException(constant + ": the name " + name + " is declared twice");
    }
    String type = oneOf(text(metric, "type", constant), TYPES, constant + "'s type");
    String origin = oneOf(text(metric, "origin", constant), ORIGINS, constant + "'s origin");
    List<String> labels = new ArrayList<>();
    for (JsonNode label : metric.path("labels")) {
      labels.add(label(label, constant));
    }
    StringBuilder out = new StringBuilder();
    out.append("  /** ").append(text(metric, "doc", constant)).append(" */\n");
    out.append("  public static final MetricDefinition ").append(constant).append(" =\n");
    out.append("      add(\n");
    out.append("          ").append(literal(name)).append(",\n");
    out.append("          MetricType.").append(type.toUpperCase(Locale.ROOT)).append(",\n");
    out.append("          ")
        .append(metric.hasNonNull("unit") ? literal(metric.get("unit").asText()) : "null")
        .append(",\n");
    out.append("          ").append(literal(text(metric, "help", constant))).append(",\n");
    out.append("          Origin.").append(origin.toUpperCase(Locale.ROOT)).append(",\n");
    out.append("          List.of(").append(String.join(", ", labels)).append("),\n");
    out.append("          ").append(buckets(metric.get("buckets"), bucketSets, constant));
    out.append(");\n");
    return out.toString();
  }

  /** A label: a constant of {@code Labels}, or one declared in place. */
  private static String label(JsonNode label, String constant) {
    if (label.isTextual()) {
      if (!CONSTANT.matcher(label.asText()).matches()) {
        throw new IllegalArgumentException(constant + ": label '" + label.asText() + "'");
      }
      return "Labels." + label.asText();
    }
    String key = literal(text(label, "key", constant + "'s label"));
    String description = literal(text(label, "description", constant + "'s label"));
    return "new LabelDefinition("
        + key
        + ", "
        + description
        + ", "
        + policy(label, constant + "'s label")
        + ")";
  }

  private static String buckets(JsonNode buckets, Set<String> bucketSets, String constant) {
    if (buckets == null || buckets.isNull()) {
      return "List.of()";
    }
    if (buckets.isTextual()) {
      if (!bucketSets.contains(buckets.asText())) {
        throw new IllegalArgumentException(constant + ": no bucket set " + buckets.asText());
      }
      return bucketConstant(buckets.asText());
    }
    List<String> bounds = new ArrayList<>();
    buckets.forEach(b -> bounds.add(Double.toString(b.asDouble())));
    return "List.of(" + String.join(", ", bounds) + ")";
  }

  private static String bucketConstant(String set) {
    return set.toUpperCase(Locale.ROOT) + "_BUCKETS";
  }

  private static String number(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException(what + " needs a number '" + field + "'");
    }
    return value.asText();
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(what + " needs a '" + field + "'");
    }
    return value.asText();
  }

  private static String oneOf(String value, Set<String> allowed, String what) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(what + " '" + value + "' is not one of " + allowed);
    }
    return value;
  }

  /** A Java string literal. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String template(String name) {
    try (InputStream in = CatalogueGenerator.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
