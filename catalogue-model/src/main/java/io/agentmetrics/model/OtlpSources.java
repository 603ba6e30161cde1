package io.agentmetrics.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The metrics server's {@code GenAiField} from the model's {@code otlp_fields}: the one table of
 * what the OTLP receiver reads and under which attribute keys, with who writes each key.
 */
final class OtlpSources {

  private OtlpSources() {}

  /** The Java source of {@code io.agentmetrics.server.otlp.GenAiField}. */
  static String genAiField(JsonNode model) {
    JsonNode sources = model.path("otlp_sources");
    List<String> constants = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode field : model.path("otlp_fields")) {
      String constant = field.path("constant").asText();
      if (constant.isEmpty() || !seen.add(constant) || !field.hasNonNull("doc")) {
        throw new IllegalArgumentException("otlp field '" + constant + "' is invalid or twice");
      }
      List<String> variants = new ArrayList<>();
      for (JsonNode key : field.path("keys")) {
        String source = key.path("source").asText();
        if (!sources.hasNonNull(source)) {
          throw new IllegalArgumentException(constant + ": no otlp source '" + source + "'");
        }
        variants.add(
            "new Variant("
                + CatalogueGenerator.literal(key.path("key").asText())
                + ", "
                + CatalogueGenerator.literal(sources.get(source).asText())
                + ")");
      }
      if (variants.isEmpty()) {
        throw new IllegalArgumentException(constant + " needs at least one key");
      }
      constants.add(
          "  /** "
              + field.get("doc").asText()
              + " */\n  "
              + constant
              + "(\n      "
              + String.join(",\n      ", variants)
              + ")");
    }
    if (constants.isEmpty()) {
      throw new IllegalArgumentException("the model declares no otlp_fields");
    }
    return "package io.agentmetrics.server.otlp;\n\n"
        + "import java.util.List;\n\n"
        + "/**\n"
        + " * What the attributes of a GenAI span or metric point tell, and under which keys the\n"
        + " * instrumentations in the wild write it: the one mapping table of the OTLP receiver\n"
        + " * (docs/otlp.md shows it, and a test keeps the two equal). The first key present wins, so\n"
        + " * the current conventions come first.\n"
        + " *\n"
        + " * <p>GENERATED from the {@code otlp_fields} of {@code"
        + " metrics-api/src/main/model/catalogue.yaml}\n"
        + " * by {@code io.agentmetrics.model.CatalogueGenerator}: change the model, not this file.\n"
        + " */\n"
        + "public enum GenAiField {\n"
        + String.join(",\n", constants)
        + ";\n\n"
        + "  private final List<Variant> variants;\n\n"
        + "  GenAiField(Variant... variants) {\n"
        + "    this.variants = List.of(variants);\n"
        + "  }\n\n"
        + "  /** The attribute keys, in the order they are tried. */\n"
        + "  public List<Variant> variants() {\n"
        + "    return variants;\n"
        + "  }\n\n"
        + "  /**\n"
        + "   * One attribute key and who writes it.\n"
        + "   *\n"
        + "   * @param key the attribute key\n"
        + "   * @param source the convention or instrumentation that writes it\n"
        + "   */\n"
        + "  public record Variant(String key, String source) {}\n"
        + "}\n";
  }
}
