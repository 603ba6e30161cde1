package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.catalogue.MetricsDocGenerator;
import io.agentmetrics.catalogue.QueryCatalogue;
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

  static Stream<JsonNode> runbookExamples() {
    List<JsonNode> all = new java.util.ArrayList<>();
    RuleFiles.readYaml(AlertingFiles.testsDir().resolve("docs/runbook-examples.yaml"))
        .path("examples")
        .forEach(all::add);
    return all.stream();
  }

  /**
   * The first query of an alert's runbook section, its variables filled with the entry's labels and
   * every rule file loaded (runbooks read recording rules), sums to the stated number.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("runbookExamples")
  void aRunbooksQueriesReturnTheStatedNumbers(JsonNode example, @TempDir Path dir)
      throws IOException {
    String alert = example.path("alert").asText();
    List<String> queries =
        RunbookQueries.all(Files.readString(AlertingFiles.runbooks())).get(alert);
    assertThat(queries).as("docs/runbooks.md has queries for " + alert).isNotNull();
    List<JsonNode> expected = new java.util.ArrayList<>();
    expected.add(example.path("value"));
    example.path("more").forEach(expected::add);
    assertThat(expected)
        .as(alert + ": one number (or 'empty') per query of the section, in order")
        .hasSize(queries.size());

    ObjectNode test = PromtoolTestFiles.loading(RuleFiles.in(AlertingFiles.rulesDir()), "1m");
    ObjectNode group = test.putArray("tests").addObject();
    group.put("interval", "1m");
    group.set("input_series", example.path("series").deepCopy());
    ArrayNode checks = group.putArray("promql_expr_test");
    for (int i = 0; i < queries.size(); i++) {
      ObjectNode check = checks.addObject();
      String sum = "sum(" + fill(alert, queries.get(i), example.path("labels")) + ")";
      check.put("eval_time", "15m");
      ArrayNode samples = check.putArray("exp_samples");
      if (expected.get(i).asText().equals("empty")) {
        check.put("expr", sum);
      } else {
        // Within 1e-9: Prometheus adds a group's series in no set order, so the last bit of a sum
        // of three or more may differ from run to run.
        check.put("expr", "abs(" + sum + " - (" + expected.get(i).asDouble() + ")) < bool 1e-9");
        samples.addObject().put("labels", "{}").put("value", 1);
      }
    }
    NativeTool.Result result =
        PromtoolTestFiles.run(PromtoolTestFiles.write(test, dir.resolve("runbook.test.yaml")));
    assertThat(result.exitCode()).as(alert + "\n" + result.output()).isZero();
  }

  /** A runbook query with its variables ({@code $job}, {@code $agent} ...) filled from labels. */
  private static String fill(String alert, String query, JsonNode labels) {
    java.util.regex.Matcher variable =
        java.util.regex.Pattern.compile("\\$([a-z_]+)").matcher(query);
    StringBuilder filled = new StringBuilder();
    while (variable.find()) {
      String label = RunbookQueries.label(variable.group(1));
      assertThat(labels.has(label)).as(alert + " needs a value for " + label).isTrue();
      variable.appendReplacement(
          filled, java.util.regex.Matcher.quoteReplacement(labels.path(label).asText()));
    }
    variable.appendTail(filled);
    return filled.toString();
  }

  /** Every query of every alert's runbook section has its number asserted. */
  @org.junit.jupiter.api.Test
  void everyAlertsRunbookQueriesHaveTheirNumbersAsserted() {
    java.util.Set<String> alerts = new java.util.TreeSet<>();
    RuleFiles.load(AlertingFiles.rulesDir()).stream()
        .filter(Rule::alert)
        .forEach(r -> alerts.add(r.name()));
    java.util.Set<String> asserted = new java.util.TreeSet<>();
    runbookExamples().forEach(e -> asserted.add(e.path("alert").asText()));

    assertThat(asserted)
        .as("alerts with an entry in alerting/tests/docs/runbook-examples.yaml")
        .containsExactlyInAnyOrderElementsOf(alerts);
  }

  /** Every example of the document has its number asserted: generic by its type, else listed. */
  @org.junit.jupiter.api.Test
  void everyExampleOfTheDocumentHasItsNumberAsserted() throws IOException {
    java.util.Set<String> asserted = new java.util.TreeSet<>();
    genericExamples().forEach(m -> asserted.add(m.prometheusName()));
    examples().forEach(e -> asserted.add(e.path("metric").asText()));

    assertThat(asserted)
        .as("metrics with a hand-picked example need an entry in " + EXAMPLES)
        .containsExactlyInAnyOrderElementsOf(documentedExamples().keySet());
  }

  static Stream<MetricDefinition> genericExamples() {
    return QueryCatalogue.all().stream().filter(MetricsDocGenerator::genericExample);
  }

  /**
   * The generic examples (a rate, a sum, a p95 or a mean by a label) return the number their
   * metric's type gives on one series of known values: a counter that grows by 60 a minute has a
   * rate of 1 per second; a gauge at 5 sums to 5; a histogram whose every observation falls in its
   * first bucket has a p95 of 0.95 times that bucket's bound; a summary whose sum grows 2.5 times
   * as fast as its count has a mean of 2.5.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("genericExamples")
  void aGenericExampleReturnsWhatItsTypeGives(MetricDefinition metric, @TempDir Path dir)
      throws IOException {
    String query = documentedExamples().get(metric.prometheusName());
    assertThat(query).as("docs/metrics.md has an example for " + metric.name()).isNotNull();
    StringBuilder labels = new StringBuilder("job=\"app\", instance=\"app:8080\"");
    for (LabelDefinition label : metric.labels()) {
      List<String> values = new java.util.ArrayList<>(label.policy().allowedValues());
      labels
          .append(", ")
          .append(label.prometheusName())
          .append("=\"")
          .append(values.isEmpty() ? "a" : values.get(0))
          .append('"');
    }
    ArrayNode series = YAML.createArrayNode();
    double expected;
    switch (metric.type()) {
      case COUNTER, COUNTER_WITHOUT_TOTAL -> {
        series
            .addObject()
            .put("series", metric.seriesNames().get(0) + "{" + labels + "}")
            .put("values", "0+60x10");
        expected = 1;
      }
      case GAUGE -> {
        series
            .addObject()
            .put("series", metric.seriesNames().get(0) + "{" + labels + "}")
            .put("values", "5x10");
        expected = 5;
      }
      default -> {
        String name = metric.prometheusName();
        if (metric.isHistogram()) {
          for (Double bucket : metric.buckets()) {
            series
                .addObject()
                .put("series", name + "_bucket{" + labels + ", le=\"" + bucket + "\"}")
                .put("values", "0+60x10");
          }
          series
              .addObject()
              .put("series", name + "_bucket{" + labels + ", le=\"+Inf\"}")
              .put("values", "0+60x10");
          expected = 0.95 * metric.buckets().get(0);
        } else {
          expected = 2.5;
        }
        series.addObject().put("series", name + "_count{" + labels + "}").put("values", "0+60x10");
        series.addObject().put("series", name + "_sum{" + labels + "}").put("values", "0+150x10");
      }
    }
    ObjectNode test = YAML.createObjectNode();
    test.putArray("rule_files");
    test.put("evaluation_interval", "1m");
    ObjectNode group = test.putArray("tests").addObject();
    group.put("interval", "1m");
    group.set("input_series", series);
    ObjectNode check = group.putArray("promql_expr_test").addObject();
    check.put("expr", "sum(" + query + ")");
    check.put("eval_time", "10m");
    check.putArray("exp_samples").addObject().put("labels", "{}").put("value", expected);

    NativeTool.Result result =
        PromtoolTestFiles.run(PromtoolTestFiles.write(test, dir.resolve("generic.test.yaml")));
    assertThat(result.exitCode())
        .as(metric.name() + ": " + query + " should give " + expected + "\n" + result.output())
        .isZero();
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
