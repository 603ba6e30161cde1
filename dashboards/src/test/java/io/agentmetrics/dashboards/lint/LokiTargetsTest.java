package io.agentmetrics.dashboards.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The linter on the overview's Loki logs panel: LogQL is not linted as PromQL, but must still
 * filter on $job and $instance; a logs panel needs no unit; the Prometheus data source variable
 * stays required beside Loki's.
 */
class LokiTargetsTest {

  private static final Linter LINTER = Linter.standard();

  /** Rules on the set of dashboards, not on one copy. */
  private static final Set<String> SET_RULES =
      Set.of("catalogue-coverage-rule", "dashboard-links-rule");

  /** A LogQL metric query: a line filter and a fixed range, neither of them valid PromQL. */
  private static final String LOGQL_METRIC =
      "sum by (level) (count_over_time({job=~\"$job\", instance=~\"$instance\"} |= \"error\""
          + " | line_format \"{{.level}} }\" [5m]))";

  /** A copy of agents-overview.json changed by {@code change}. */
  private static Dashboard overview(Consumer<ObjectNode> change) {
    ObjectNode json = (ObjectNode) Dashboards.load("agents-overview.json").json().deepCopy();
    change.accept(json);
    return new Dashboard("agents-overview.json", json);
  }

  private static ObjectNode logsPanel(ObjectNode d) {
    for (JsonNode p : d.path("panels")) {
      if (p.path("type").asText().equals("logs")) {
        return (ObjectNode) p;
      }
    }
    throw new AssertionError("no logs panel");
  }

  private static ObjectNode logsTarget(ObjectNode d) {
    return (ObjectNode) logsPanel(d).path("targets").get(0);
  }

  private static Dashboard withLogQl(String expr) {
    return overview(d -> logsTarget(d).put("expr", expr));
  }

  private static List<String> messages(String rule, Dashboard d) {
    return LINTER.rule(rule).check(List.of(d)).stream().map(LintProblem::message).toList();
  }

  @Test
  void aLokiTargetIsNotLintedAsPromql() {
    Dashboard loki = withLogQl(LOGQL_METRIC);
    for (LintRule rule : LINTER.rules()) {
      if (!SET_RULES.contains(rule.name())) {
        assertThat(rule.check(List.of(loki))).as(rule.name()).isEmpty();
      }
    }
    // The same query on the Prometheus data source is read as PromQL, and fails.
    Dashboard prometheus =
        overview(
            d ->
                logsTarget(d)
                    .put("expr", LOGQL_METRIC)
                    .putObject("datasource")
                    .put("type", "prometheus")
                    .put("uid", "${datasource}"));
    assertThat(messages("target-promql-rule", prometheus))
        .singleElement()
        .asString()
        .startsWith("invalid PromQL query '" + LOGQL_METRIC + "'");
  }

  @Test
  void aLokiTargetWithoutTheJobOrInstanceFilterIsFlagged() {
    String rule = "target-logql-selector-rule";
    assertThat(messages(rule, withLogQl("{instance=~\"$instance\"}")))
        .containsExactly("invalid LogQL query '{instance=~\"$instance\"}': job selector not found");
    assertThat(messages(rule, withLogQl("{job=~\"$job\"} |= \"instance=~\\\"x\\\"\"")))
        .singleElement()
        .asString()
        .endsWith("instance selector not found");
    assertThat(messages(rule, withLogQl("{job=\"agentmetrics\", instance=~\"$instance\"}")))
        .singleElement()
        .asString()
        .endsWith("job selector is job=agentmetrics, not job=~\"$job\"");
    // every stream selector of a metric query must filter
    assertThat(
            messages(
                rule,
                withLogQl(
                    "sum(count_over_time({job=~\"$job\", instance=~\"$instance\"}[$__auto]))"
                        + " / sum(count_over_time({job=~\"$job\"}[$__auto]))")))
        .singleElement()
        .asString()
        .endsWith("instance selector not found");
    assertThat(messages(rule, withLogQl(""))).singleElement().asString().endsWith("empty query");
    assertThat(messages(rule, withLogQl("up"))).singleElement().asString().endsWith("{..}");
    // braces inside string literals are not selectors
    assertThat(messages(rule, withLogQl(LOGQL_METRIC))).isEmpty();
    // the rule looks only at Loki targets
    assertThat(
            messages(
                rule,
                overview(
                    d ->
                        logsTarget(d)
                            .put("expr", "{instance=~\"$instance\"}")
                            .putObject("datasource")
                            .put("type", "prometheus")
                            .put("uid", "${datasource}"))))
        .isEmpty();
  }

  @Test
  void aLogsPanelNeedsNoUnitButATitleDescriptionAndTemplatedDatasource() {
    assertThat(messages("panel-units-rule", overview(d -> {}))).isEmpty();
    assertThat(
            LINTER
                .rule("panel-title-description-rule")
                .check(List.of(overview(d -> logsPanel(d).remove("description")))))
        .extracting(LintProblem::panel)
        .containsExactly("Server logs");
    assertThat(
            messages(
                "panel-datasource-rule",
                overview(d -> logsPanel(d).putObject("datasource").put("uid", "loki"))))
        .containsExactly("does not use a templated datasource, uses 'loki'");
    assertThat(messages("panel-no-targets-rule", overview(d -> logsPanel(d).putArray("targets"))))
        .containsExactly("has no targets");
  }

  @Test
  void thePrometheusDatasourceVariableStaysRequiredBesideLokis() {
    String rule = "template-datasource-rule";
    assertThat(messages(rule, overview(d -> {}))).isEmpty();
    assertThat(messages(rule, overview(d -> variables(d).remove(0))))
        .containsExactly("does not have a templated Prometheus data source (query 'prometheus')");
    assertThat(
            messages(rule, overview(d -> ((ObjectNode) variables(d).get(1)).put("name", "loki"))))
        .containsExactly(
            "templated data source variable named 'loki', should be named 'loki_datasource'");
    assertThat(messages(rule, overview(d -> ((ObjectNode) variables(d).get(0)).put("name", "ds"))))
        .containsExactly(
            "templated data source variable named 'ds', should be named 'prometheus_datasource',"
                + " or 'datasource'");
  }

  private static ArrayNode variables(ObjectNode d) {
    ArrayNode list = (ArrayNode) d.path("templating").path("list");
    assertThat(list.get(0).path("query").asText()).isEqualTo("prometheus");
    assertThat(list.get(1).path("query").asText()).isEqualTo("loki");
    return list;
  }
}
