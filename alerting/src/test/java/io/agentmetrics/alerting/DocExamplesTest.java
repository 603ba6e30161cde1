package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PromQL examples of {@code docs/metrics.md} return the right numbers: each example of {@code
 * alerting/tests/docs/metrics-examples.yaml} is read from the document and evaluated by promtool on
 * known series, and must return exactly the samples stated there.
 */
class DocExamplesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path EXAMPLES =
      AlertingFiles.testsDir().resolve("docs/metrics-examples.yaml");

  static Stream<JsonNode> examples() {
    List<JsonNode> all = new java.util.ArrayList<>();
    RuleFiles.readYaml(EXAMPLES).path("examples").forEach(all::add);
    return all.stream();
  }

  /** Metric section ({@code ### `name`}) to the first query of its {@code promql} block. */
  static Map<String, String> documentedExamples() throws IOException {
    Map<String, String> examples = new LinkedHashMap<>();
    String section = null;
    boolean inPromql = false;
    for (String line : Files.readAllLines(AlertingFiles.repoRoot().resolve("docs/metrics.md"))) {
      if (line.startsWith("### `")) {
        section = line.substring(5, line.indexOf('`', 5));
      } else if (line.equals("```promql")) {
        inPromql = true;
      } else if (line.startsWith("```")) {
        inPromql = false;
      } else if (inPromql && section != null) {
        examples.putIfAbsent(section, line.strip());
      }
    }
    return examples;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theExampleReturnsTheStatedSamples(JsonNode example, @TempDir Path dir) throws IOException {
    String metric = example.path("metric").asText();
    String query = documentedExamples().get(metric);
    assertThat(query).as("docs/metrics.md has an example for " + metric).isNotNull();

    ObjectNode test = YAML.createObjectNode();
    test.putArray("rule_files");
    test.put("evaluation_interval", "1m");
    ObjectNode group = test.putArray("tests").addObject();
    group.put("interval", "1m");
    group.set("input_series", example.path("series").deepCopy());
    ObjectNode check = group.putArray("promql_expr_test").addObject();
    check.put("expr", query);
    check.put("eval_time", "10m");
    ArrayNode samples = check.putArray("exp_samples");
    example.path("samples").forEach(s -> samples.add(s.deepCopy()));
    NativeTool.Result result =
        PromtoolTestFiles.run(PromtoolTestFiles.write(test, dir.resolve("example.test.yaml")));
    assertThat(result.exitCode()).as(metric + ": " + query + "\n" + result.output()).isZero();
  }
}
