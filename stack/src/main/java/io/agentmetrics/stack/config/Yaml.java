package io.agentmetrics.stack.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the stack's YAML files (Prometheus, Alertmanager, compose, Kubernetes). */
public final class Yaml {

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .build())
          .build();

  private Yaml() {}

  /** Parses one YAML document. */
  public static JsonNode parse(String yaml) {
    try {
      JsonNode node = MAPPER.readTree(yaml);
      return node == null ? MAPPER.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses a document that must be a mapping (a configuration file), as a copy the caller may
   * change; {@code what} names it in the error, e.g. "an Alertmanager configuration".
   */
  public static ObjectNode parseMapping(String yaml, String what) {
    JsonNode parsed = parse(yaml);
    if (!parsed.isObject()) {
      throw new IllegalArgumentException(what + " must be a YAML mapping");
    }
    return (ObjectNode) parsed;
  }

  /** Reads and parses one YAML file. */
  public static JsonNode read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses every document of a multi-document YAML stream (Kubernetes manifests). */
  public static List<JsonNode> parseAll(String yaml) {
    try (var parser = MAPPER.createParser(yaml)) {
      List<JsonNode> documents = new ArrayList<>();
      var iterator = MAPPER.readValues(parser, JsonNode.class);
      while (iterator.hasNext()) {
        JsonNode document = iterator.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid YAML: " + e.getMessage(), e);
    }
  }

  /** Writes a tree as a YAML document. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  /** A new empty mapping. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
