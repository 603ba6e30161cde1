package io.agentmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generator on metrics-api's own model and on broken ones. (What the generated class contains,
 * metric by metric, metrics-api's tests check on the class the build generates.)
 */
class CatalogueGeneratorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** metrics-api's model. */
  private static JsonNode ownModel() throws Exception {
    String root = System.getProperty("agentmetrics.repoRoot", "..");
    return YAML.readTree(Path.of(root, "metrics-api/src/main/model/catalogue.yaml").toFile());
  }

  @Test
  void theModelGeneratesEveryConstantWithItsDocAndLabels() throws Exception {
    JsonNode model = ownModel();
    String source = CatalogueGenerator.generate(model);

    assertThat(source)
        .contains(
            "public static final String SPEC_VERSION = \"semantic-conventions-genai v0.1.0\";",
            "  /** Duration of LLM inference calls; its count is the number of calls, by error"
                + " type. */\n  public static final MetricDefinition LLM_INFERENCE_DURATION =",
            "List.of(Labels.OPERATION, Labels.PROVIDER, Labels.MODEL, Labels.ERROR_TYPE)",
            "GEN_AI_DURATION_BUCKETS",
            "LabelPolicy.oneOf(IngestEventType.values())",
            "// ---- JVM, process and system (Micrometer binders) ----");
    int constants = 0;
    for (JsonNode section : model.path("sections")) {
      constants += section.path("metrics").size();
    }
    assertThat(source.split("public static final MetricDefinition ", -1)).hasSize(constants + 1);

    String labels = CatalogueGenerator.generateLabels(model);
    assertThat(labels)
        .contains(
            "public static final LabelDefinition PROVIDER =",
            "LabelPolicy.wellKnown(48, 50, \"anthropic\", \"aws.bedrock\",",
            "LabelPolicy.wellKnown(16, 10, \"text\", \"image\", \"audio\", \"unknown\")",
            "LabelPolicy.freeText(48, 100).orEmpty()",
            "LabelPolicy.oneOf(TaskStatus.values())",
            "LabelPolicy.oneOf(\"GET\", \"HEAD\"");
    assertThat(labels.split("public static final LabelDefinition ", -1))
        .hasSize(model.path("attributes").size() + 1);

    assertThat(CatalogueGenerator.generateEventTypes(model))
        .contains(
            "  /** An LLM call, or a budget. */\n  LLM_CALL(\"llm_call\", false, \"call\","
                + " \"budget\"),")
        .contains("APPROVAL(\"approval\", true, \"requested\", \"decided\", \"escalated\"),")
        .contains("IN_FLIGHT(\"in_flight\", false, \"report\")");
  }

  @Test
  void aBrokenModelFailsNamingTheMetric() throws Exception {
    assertThatThrownBy(() -> CatalogueGenerator.generate(model("type: histogram")))
        .hasMessageContaining("X's type 'histogram'");
    assertThatThrownBy(
            () -> CatalogueGenerator.generate(model("type: counter\n        buckets: nope")))
        .hasMessageContaining("X: no bucket set nope");
    assertThatThrownBy(
            () ->
                CatalogueGenerator.generate(
                    YAML.readTree(
                        "spec_version: v\nsections:\n  - title: t\n    metrics:\n"
                            + "      - {constant: X, doc: d, name: n, type: gauge, origin: agent,"
                            + " help: h}\n"
                            + "      - {constant: X, doc: d, name: m, type: gauge, origin: agent,"
                            + " help: h}\n")))
        .hasMessageContaining("metric constant 'X' is invalid or twice");
    assertThatThrownBy(() -> CatalogueGenerator.generate(model("type: gauge", "help")))
        .hasMessageContaining("X needs a 'help'");
    assertThatThrownBy(
            () ->
                CatalogueGenerator.generateEventTypes(
                    YAML.readTree(
                        "events:\n  - {constant: A, type: a, doc: d, kinds: [{kind: k,"
                            + " fields_doc: f}]}\n"
                            + "  - {constant: B, type: a, doc: d, kinds: [{kind: k,"
                            + " fields_doc: f}]}\n")))
        .hasMessageContaining("event type B is invalid or twice");
  }

  private static final String ATTRIBUTES =
      "attributes:\n"
          + "  - {constant: AGENT, key: gen_ai.agent.name, max_length: 9, max_distinct: 9}\n"
          + "  - {constant: NOTE, key: note, max_length: 9, max_distinct: 9, or_empty: true}\n"
          + "  - {constant: RESULT, key: result, enum: CacheResult}\n";

  /** A model with one declared event type E whose one kind has {@code fields}. */
  private static EventModel declared(String fields, String example) throws Exception {
    return EventModel.read(
        YAML.readTree(
            ATTRIBUTES
                + "sections:\n  - {title: t, metrics: [{constant: M}]}\n"
                + "events:\n  - constant: E\n    type: e\n    doc: An e.\n    feeds: [M]\n"
                + example
                + "    kinds:\n      - {kind: k, method: eRecorded, doc: Records an e., fields: "
                + fields
                + "}\n"));
  }

  @Test
  void aDeclaredEventGeneratesItsFacadeMethodNoopReaderAndReadmeRow() throws Exception {
    EventModel model =
        declared(
            "[{name: agent, attribute: AGENT, required: true}, {name: result, attribute: RESULT,"
                + " required: true}, {name: score_value, number: true, doc: a score}, {name:"
                + " note, attribute: NOTE}]",
            "    example: '{\"type\": \"e\", \"agent\": \"a\", \"result\": \"hit\"}'\n");

    String facade = EventSources.facade(model);
    String signature =
        "eRecorded(String agent, CacheResult result, double scoreValue, String note)";
    assertThat(facade)
        .contains(
            "   * Records an e.\n",
            "   * @param scoreValue a score; NaN when absent\n",
            "   * @param note the {@code note} field; empty when absent\n",
            "  void " + signature + ";",
            "    default void " + signature + " {}",
            "  static void recordExamples(DeclaredEvents target) {\n"
                + "    target.eRecorded(\"a\", CacheResult.fromLabel(\"hit\"), Double.NaN, \"\");\n");

    assertThat(EventSources.readers(model))
        .contains(
            "import io.agentmetrics.api.CacheResult;",
            "return List.of(new EEvent());",
            "super(IngestEventType.E);",
            "String agent = f.label(\"agent\", Labels.AGENT);",
            "CacheResult result = f.choice(\"result\", Labels.RESULT, CacheResult::fromLabel);",
            "double scoreValue = f.optionalNumber(\"score_value\");",
            "String note = f.label(\"note\", Labels.NOTE, \"\");",
            "return metrics -> metrics.eRecorded(agent, result, scoreValue, note);",
            "new Example(IngestEventType.E, \"{\\\"type\\\": \\\"e\\\", \\\"agent\\\": \\\"a\\\","
                + " \\\"result\\\": \\\"hit\\\"}\", List.of(MetricCatalogue.M))");

    assertThat(EventSources.readme(model))
        .contains(
            "| `e` | | `agent`\\*, `result`\\*, `score_value` (a score), `note` |\n",
            "```json\n{\"type\": \"e\", \"agent\": \"a\", \"result\": \"hit\"}\n```\n");
  }

  @Test
  void theProviderAttributeGeneratesTheOneTableOfProviderNames() throws Exception {
    JsonNode model = ownModel();
    assertThat(CatalogueGenerator.generateProviderNames(model))
        .contains(
            "List.of(\"anthropic\", \"aws.bedrock\",",
            "new Alias(\"gemini\", \"gcp.gemini\", \"GenAI conventions (older)\")",
            "new Alias(\"other\", OTHER, \"LangChain4j (ModelProvider)\"));");
    assertThatThrownBy(
            () ->
                CatalogueGenerator.generateProviderNames(
                    YAML.readTree(
                        "alias_senders: {s: S}\nattributes:\n  - constant: PROVIDER\n"
                            + "    well_known: [openai]\n"
                            + "    aliases: [{spelling: openai, value: openai, sender: s}]\n")))
        .hasMessageContaining("provider alias openai: declared twice");
  }

  @Test
  void theOtlpFieldsGenerateTheReceiversTable() throws Exception {
    JsonNode model = ownModel();
    assertThat(OtlpSources.genAiField(model))
        .contains(
            "  PROVIDER(\n      new Variant(\"gen_ai.provider.name\", \"GenAI conventions (current)\"),\n"
                + "      new Variant(\"gen_ai.system\", \"GenAI conventions (older)\"),",
            "public record Variant(String key, String source) {}");
    assertThatThrownBy(
            () ->
                OtlpSources.genAiField(
                    YAML.readTree(
                        "otlp_sources: {current: c}\notlp_fields:\n  - {constant: X, doc: d,"
                            + " keys: [{key: k, source: nope}]}\n")))
        .hasMessageContaining("X: no otlp source 'nope'");
  }

  @Test
  void aBrokenEventDeclarationFailsNamingIt() throws Exception {
    String example = "    example: '{}'\n";
    assertThatThrownBy(() -> declared("[{name: agent, attribute: NOPE}]", example))
        .hasMessageContaining("e's kind k's field agent: no attribute NOPE");
    assertThatThrownBy(() -> declared("[{name: result, attribute: RESULT}]", example))
        .hasMessageContaining("field result: an enum field must be required");
    assertThatThrownBy(() -> declared("[{name: agent, attribute: AGENT}]", example))
        .hasMessageContaining("an optional label needs a default");
    assertThatThrownBy(() -> declared("[{name: agent}]", example))
        .hasMessageContaining("field agent needs an attribute or number: true");
    EventModel wrongExample =
        declared(
            "[{name: agent, attribute: AGENT, required: true}]",
            "    example: '{\"type\": \"e\", \"agnet\": \"a\"}'\n");
    assertThatThrownBy(() -> EventSources.facade(wrongExample))
        .hasMessageContaining("e's example lacks agent");
    assertThatThrownBy(() -> declared("[{name: agent, attribute: AGENT, required: true}]", ""))
        .hasMessageContaining("e: a type with declared fields needs an example and feeds");
  }

  /** A model of one metric X with {@code line} among its fields, {@code without} left out. */
  private static JsonNode model(String line, String... without) throws Exception {
    StringBuilder metric =
        new StringBuilder("      - constant: X\n        doc: d\n        name: x\n");
    metric.append("        origin: agent\n        ").append(line).append('\n');
    if (without.length == 0) {
      metric.append("        help: h\n");
    }
    return YAML.readTree("spec_version: v\nsections:\n  - title: t\n    metrics:\n" + metric);
  }
}
