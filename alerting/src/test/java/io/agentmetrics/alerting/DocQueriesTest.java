package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PromQL query of {@code docs/metrics.md} and {@code docs/runbooks.md} returns data: promtool
 * evaluates each, with the runbooks' variables filled in, over an hour of series for every
 * catalogue metric ({@link CatalogueSeries}) and with every rule file loaded (runbooks read
 * recording rules), and each must return at least one sample that is a number (not NaN). A query
 * with a misspelt metric, label or value, or one that divides nothing by nothing, fails here. The
 * exact numbers of the examples that were once wrong are {@link DocExamplesTest}'s.
 */
class DocQueriesTest {

  private static final Pattern VARIABLE = Pattern.compile("\\$([a-z_]+)");

  /**
   * One hour at one-minute steps: a range of days over an hour of data still returns data. An
   * {@code offset} only shifts a query in time, so it is checked without it.
   */
  private static final long STEPS = 60;

  private static final Pattern OFFSET = Pattern.compile("\\s+offset\\s+\\d+[smhdwy]");

  /** Series Prometheus writes about itself, which no catalogue data makes. */
  private static final Set<String> NOT_FROM_AGENTS = Set.of("ALERTS", "prometheus_");

  static List<String> queries() throws IOException {
    Set<String> queries = new LinkedHashSet<>();
    for (String doc : List.of("docs/metrics.md", "docs/runbooks.md")) {
      boolean inPromql = false;
      for (String line : Files.readAllLines(AlertingFiles.repoRoot().resolve(doc))) {
        if (line.strip().equals("```promql")) {
          inPromql = true;
        } else if (line.strip().startsWith("```")) {
          inPromql = false;
        } else if (inPromql && !line.isBlank()) {
          queries.add(line.strip());
        }
      }
    }
    return queries.stream()
        .filter(q -> NOT_FROM_AGENTS.stream().noneMatch(q::startsWith))
        .map(DocQueriesTest::fill)
        .map(q -> OFFSET.matcher(q).replaceAll(""))
        .distinct()
        .toList();
  }

  private static String fill(String query) {
    Matcher m = VARIABLE.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(CatalogueSeries.valueOf(RunbookQueries.label(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** How many series the queries of every series of a job see. */
  private static final int EVERY_SERIES_PART = 1000;

  private static boolean readsEverySeries(String query) {
    return query.contains("({job=");
  }

  private static void addGroup(
      ArrayNode groups, List<Map<String, String>> input, List<String> queries) {
    ObjectNode group = groups.addObject();
    group.put("interval", "1m");
    ArrayNode series = group.putArray("input_series");
    input.forEach(
        s -> series.addObject().put("series", s.get("series")).put("values", s.get("values")));
    ArrayNode checks = group.putArray("promql_expr_test");
    for (String query : queries) {
      ObjectNode check = checks.addObject();
      // At least one sample that is a number: NaN >= -Inf is false.
      check.put("expr", "count((" + query + ") >= -Inf) > bool 0");
      check.put("eval_time", STEPS + "m");
      check.putArray("exp_samples").addObject().put("labels", "{}").put("value", 1);
    }
  }

  @Test
  void everyDocumentedQueryReturnsANumber(@TempDir Path dir) throws IOException {
    List<String> queries = queries();
    assertThat(queries).hasSizeGreaterThan(150);

    ObjectNode test = PromtoolTestFiles.loading(RuleFiles.in(AlertingFiles.rulesDir()), "1m");
    ArrayNode groups = test.putArray("tests");
    List<Map<String, String>> all = CatalogueSeries.all(STEPS);
    // A query of every series of a job reads them all at once, beyond the 10,000 samples at which
    // promtool's unit tests stop a query: it gets a part of the series, enough for a number.
    addGroup(groups, all, queries.stream().filter(q -> !readsEverySeries(q)).toList());
    addGroup(
        groups,
        all.subList(0, EVERY_SERIES_PART),
        queries.stream().filter(DocQueriesTest::readsEverySeries).toList());
    NativeTool.Result result =
        PromtoolTestFiles.run(PromtoolTestFiles.write(test, dir.resolve("doc-queries.test.yaml")));

    List<String> failing = new ArrayList<>();
    Matcher failed =
        Pattern.compile("expr: \"count\\(\\((.*?)\\) >= -Inf\\)").matcher(result.output());
    while (failed.find()) {
      failing.add(failed.group(1).replace("\\\"", "\""));
    }
    assertThat(failing).as("queries of the docs that return no number").isEmpty();
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
