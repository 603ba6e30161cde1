package io.agentmetrics.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads plain Prometheus rule files ({@code groups: [{name, rules: [...]}]}). */
public final class RuleFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RuleFiles() {}

  /** The {@code *.yaml} and {@code *.yml} files of a directory, sorted by name. */
  public static List<Path> in(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** Every rule of every rule file in a directory, in file and group order. */
  public static List<Rule> load(Path directory) {
    List<Rule> rules = new ArrayList<>();
    for (Path file : in(directory)) {
      rules.addAll(read(file));
    }
    return rules;
  }

  /** The rules of one rule file. */
  public static List<Rule> read(Path file) {
    JsonNode root = readYaml(file);
    List<Rule> rules = new ArrayList<>();
    for (JsonNode group : root.path("groups")) {
      String groupName = group.path("name").asText();
      for (JsonNode rule : group.path("rules")) {
        boolean alert = rule.has("alert");
        rules.add(
            new Rule(
                file,
                groupName,
                rule.path(alert ? "alert" : "record").asText(),
                alert,
                rule.path("expr").asText(),
                rule.has("for") ? rule.get("for").asText() : null,
                strings(rule.path("labels")),
                strings(rule.path("annotations"))));
      }
    }
    return rules;
  }

  /** Parses a YAML file into a Jackson tree. */
  public static JsonNode readYaml(Path file) {
    try {
      JsonNode node = YAML.readTree(file.toFile());
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException(file + " is empty");
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A YAML mapping of scalars as an ordered map of strings; empty when absent. */
  static Map<String, String> strings(JsonNode mapping) {
    Map<String, String> out = new LinkedHashMap<>();
    mapping.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
