package io.agentmetrics.dashboards.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each rule catches a broken copy of a bundled dashboard (which passes every rule as it is; see
 * BundledDashboardsTest).
 */
class LintRulesTest {

  private static final Linter LINTER = Linter.standard();

  /** A copy of cost.json changed by {@code change}. */
  private static Dashboard broken(Consumer<ObjectNode> change) {
    ObjectNode json = (ObjectNode) Dashboards.load("cost.json").json().deepCopy();
    change.accept(json);
    return new Dashboard("cost.json", json);
  }

  private static List<LintProblem> check(String rule, Dashboard d) {
    return LINTER.rule(rule).check(List.of(d));
  }

  private static ObjectNode variable(ObjectNode d, String name) {
    for (JsonNode v : d.path("templating").path("list")) {
      if (v.path("name").asText().equals(name)) {
        return (ObjectNode) v;
      }
    }
    throw new AssertionError("no variable " + name);
  }

  private static ArrayNode variables(ObjectNode d) {
    return (ArrayNode) d.path("templating").path("list");
  }

  private static int indexOf(ArrayNode variables, String name) {
    for (int i = 0; i < variables.size(); i++) {
      if (variables.get(i).path("name").asText().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no variable " + name);
  }

  private static ObjectNode panel(ObjectNode d, int index) {
    return (ObjectNode) d.path("panels").get(index);
  }

  private static ObjectNode target(ObjectNode d, int panel) {
    return (ObjectNode) panel(d, panel).path("targets").get(0);
  }

  /** Panel 6 is "Burn rate per hour by provider". */
  private static Dashboard withQuery(String expr) {
    return broken(d -> target(d, 6).put("expr", expr));
  }

  private static final String OK = "job=~\"$job\", instance=~\"$instance\"";

  @Test
  void everyRuleAcceptsTheBundledDashboard() {
    Dashboard d = broken(json -> {});
    for (LintRule rule : LINTER.rules()) {
      if (!rule.name().equals("catalogue-coverage-rule")
          && !rule.name().equals("dashboard-links-rule")) {
        assertThat(rule.check(List.of(d))).as(rule.name()).isEmpty();
      }
    }
  }

  @Test
  void templateDatasourceRule() {
    assertThat(check("template-datasource-rule", broken(d -> variables(d).remove(0))))
        .extracting(LintProblem::message)
        .containsExactly("does not have a templated data source");
    assertThat(
            check(
                "template-datasource-rule",
                broken(d -> variable(d, "datasource").put("name", "ds"))))
        .extracting(LintProblem::message)
        .containsExactly(
            "templated data source variable named 'ds', should be named 'prometheus_datasource',"
                + " or 'datasource'");
    assertThat(
            check(
                "template-datasource-rule",
                broken(d -> variable(d, "datasource").put("label", "DS"))))
        .extracting(LintProblem::severity)
        .containsExactly(LintProblem.Severity.WARNING);
  }

  @Test
  void templateJobRule() {
    assertThat(
            check(
                "template-job-rule",
                broken(d -> variables(d).remove(indexOf(variables(d), "job")))))
        .extracting(LintProblem::message)
        .containsExactly("is missing the job template");
    assertThat(
            check(
                "template-job-rule",
                broken(d -> variable(d, "job").put("multi", false).put("allValue", ""))))
        .extracting(LintProblem::message)
        .containsExactly(
            "job template should be a multi select",
            "job template allValue should be '.+', is currently ''");
  }

  @Test
  void templateInstanceRule() {
    Dashboard d =
        broken(
            json ->
                variable(json, "instance").putObject("datasource").put("uid", "prometheus-prod"));
    assertThat(check("template-instance-rule", d))
        .extracting(LintProblem::message)
        .containsExactly(
            "instance template should use datasource '$datasource', is currently 'prometheus-prod'");
  }

  @Test
  void templateOnTimeChangeReloadRule() {
    assertThat(
            check(
                "template-on-time-change-reload-rule",
                broken(d -> variable(d, "model").put("refresh", 1))))
        .extracting(LintProblem::message)
        .containsExactly(
            "templated variable named 'model' should be refreshed 'On Time Range Change' (value 2),"
                + " is currently '1'");
  }

  @Test
  void uneditableDashboardRule() {
    assertThat(check("uneditable-dashboard-rule", broken(d -> d.put("editable", true)))).hasSize(1);
    assertThat(check("uneditable-dashboard-rule", broken(d -> d.remove("editable")))).hasSize(1);
  }

  @Test
  void panelDatasourceRule() {
    Dashboard d =
        broken(json -> panel(json, 0).putObject("datasource").put("uid", "P1809F7CD0C75ACF3"));
    assertThat(check("panel-datasource-rule", d))
        .extracting(LintProblem::panel, LintProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Cost, last 24 hours",
                "does not use a templated datasource, uses 'P1809F7CD0C75ACF3'"));
  }

  @Test
  void panelTitleDescriptionRule() {
    assertThat(
            check("panel-title-description-rule", broken(d -> panel(d, 2).remove("description"))))
        .hasSize(1);
    assertThat(check("panel-title-description-rule", broken(d -> panel(d, 2).put("title", ""))))
        .hasSize(1);
  }

  @Test
  void panelUnitsRule() {
    Dashboard noUnit =
        broken(d -> ((ObjectNode) panel(d, 3).path("fieldConfig").path("defaults")).remove("unit"));
    Dashboard badUnit =
        broken(
            d ->
                ((ObjectNode) panel(d, 3).path("fieldConfig").path("defaults"))
                    .put("unit", "dollars"));
    assertThat(check("panel-units-rule", noUnit))
        .extracting(LintProblem::message)
        .containsExactly("has no or invalid units defined: ''");
    assertThat(check("panel-units-rule", badUnit))
        .extracting(LintProblem::message)
        .containsExactly("has no or invalid units defined: 'dollars'");
  }

  @Test
  void panelNoTargetsRule() {
    assertThat(check("panel-no-targets-rule", broken(d -> panel(d, 4).remove("targets"))))
        .extracting(LintProblem::message)
        .containsExactly("has no targets");
  }

  @Test
  void targetPromqlRule() {
    assertThat(
            check(
                "target-promql-rule",
                withQuery("sum(rate(agent_cost_usd_total{" + OK + "}[$__rate_interval])")))
        .hasSize(1);
  }

  @Test
  void targetRateIntervalRule() {
    assertThat(
            check(
                "target-rate-interval-rule",
                withQuery("sum(rate(agent_cost_usd_total{" + OK + "}[5m]))")))
        .extracting(LintProblem::message)
        .allSatisfy(m -> assertThat(m).endsWith("should use $__rate_interval"))
        .hasSize(1);
    // increase over a fixed range is not this rule's business (upstream checks rate and irate)
    assertThat(
            check(
                "target-rate-interval-rule",
                withQuery("sum(increase(agent_cost_usd_total{" + OK + "}[5m]))")))
        .isEmpty();
  }

  @Test
  void targetRangeVariableRule() {
    assertThat(
            check(
                "target-range-variable-rule",
                withQuery("sum(increase(agent_cost_usd_total{" + OK + "}[1d]))")))
        .extracting(LintProblem::message)
        .containsExactly(
            "range [1d] of agent_cost_usd_total is fixed: use $__rate_interval (or $__range for totals)");
  }

  @Test
  void targetJobRule() {
    assertThat(
            check(
                "target-job-rule",
                withQuery(
                    "sum(rate(agent_cost_usd_total{instance=~\"$instance\"}[$__rate_interval]))")))
        .extracting(LintProblem::message)
        .allSatisfy(m -> assertThat(m).endsWith("job selector not found"));
    assertThat(
            check(
                "target-job-rule",
                withQuery(
                    "sum(rate(agent_cost_usd_total{job=\"$job\", instance=~\"$instance\"}[$__rate_interval]))")))
        .extracting(LintProblem::message)
        .allSatisfy(m -> assertThat(m).endsWith("job selector is =, not =~"));
    assertThat(
            check(
                "target-job-rule",
                withQuery(
                    "sum(rate(agent_cost_usd_total{job=~\"api\", instance=~\"$instance\"}[$__rate_interval]))")))
        .extracting(LintProblem::message)
        .allSatisfy(m -> assertThat(m).endsWith("job selector is api, not $job"));
  }

  @Test
  void targetInstanceRuleChecksEverySelector() {
    Dashboard d =
        withQuery(
            "sum(rate(agent_cost_usd_total{"
                + OK
                + "}[$__rate_interval])) / sum(agent_budget_limit_usd{job=~\"$job\"})");
    assertThat(check("target-instance-rule", d))
        .extracting(LintProblem::message)
        .allSatisfy(m -> assertThat(m).endsWith("instance selector not found"))
        .hasSize(1);
  }

  @Test
  void targetCounterAggRule() {
    assertThat(check("target-counter-agg-rule", withQuery("sum(agent_cost_usd_total{" + OK + "})")))
        .extracting(LintProblem::message)
        .containsExactly(
            "counter metric 'agent_cost_usd_total' is not aggregated with rate, irate, or increase");
    assertThat(
            check(
                "target-counter-agg-rule",
                withQuery(
                    "sum(max_over_time(agent_cost_usd_total{" + OK + "}[$__rate_interval]))")))
        .hasSize(1);
  }

  @Test
  void catalogueMetricRuleCatchesUnknownMetricsAndLabels() {
    assertThat(
            check(
                "catalogue-metric-rule",
                withQuery("sum(rate(agent_spend_total{" + OK + "}[$__rate_interval]))")))
        .extracting(LintProblem::message)
        .containsExactly("metric 'agent_spend_total' is not in the metrics-api catalogue");
    assertThat(
            check(
                "catalogue-metric-rule",
                withQuery(
                    "sum(rate(agent_cost_usd_total{"
                        + OK
                        + ", user_id=\"42\"}[$__rate_interval]))")))
        .extracting(LintProblem::message)
        .allSatisfy(
            m -> assertThat(m).startsWith("metric 'agent_cost_usd_total' has no label 'user_id'"));
    assertThat(
            check(
                "catalogue-metric-rule",
                withQuery(
                    "sum by (tool) (rate(agent_cost_usd_total{" + OK + "}[$__rate_interval]))")))
        .extracting(LintProblem::message)
        .containsExactly("by (tool) on 'agent_cost_usd_total', which has no label 'tool'");
    assertThat(
            check(
                "catalogue-metric-rule",
                withQuery(
                    "histogram_quantile(0.9, sum by (le) (rate(agent_cost_usd_total{"
                        + OK
                        + "}[$__rate_interval])))")))
        .extracting(LintProblem::message)
        .containsExactly("by (le) on 'agent_cost_usd_total', which has no label 'le'");
  }

  @Test
  void recordedSeriesAreCheckedAgainstTheLabelsTheyKeep() {
    assertThat(
            check(
                "catalogue-metric-rule",
                withQuery(
                    "job_gen_ai_agent_name:agent_run_errors:ratio_rate1h{job=~\"$job\","
                        + " gen_ai_agent_name=~\"$agent\"}")))
        .isEmpty();
    assertThat(
            check(
                "catalogue-metric-rule",
                withQuery(
                    "job_gen_ai_agent_name:agent_run_errors:ratio_rate1h{job=~\"$job\","
                        + " instance=~\"$instance\"}")))
        .extracting(LintProblem::message)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith(
                        "recorded series 'job_gen_ai_agent_name:agent_run_errors:ratio_rate1h'"
                            + " has no label 'instance'"));
    assertThat(
            check(
                "target-job-rule",
                withQuery("job_gen_ai_agent_name:agent_run_errors:ratio_rate1h{slo=\"x\"}")))
        .as("a recorded series that keeps the job still needs the job matcher")
        .isNotEmpty();
  }

  @Test
  void catalogueMetricRuleChecksVariableQueries() {
    Dashboard d =
        broken(
            json ->
                variable(json, "model")
                    .putObject("query")
                    .put("query", "label_values(agent_cost_usd_total, model)"));
    assertThat(check("catalogue-metric-rule", d))
        .extracting(LintProblem::message)
        .containsExactly(
            "variable 'model': by (model) on 'agent_cost_usd_total', which has no label 'model'");
  }

  @Test
  void catalogueCoverageRuleNamesMetricsNoPanelShows() {
    List<Dashboard> withoutServiceHealth = new ArrayList<>(Dashboards.loadAll());
    withoutServiceHealth.removeIf(d -> d.fileName().equals("service-health.json"));

    List<String> messages =
        LINTER.rule("catalogue-coverage-rule").check(withoutServiceHealth).stream()
            .map(LintProblem::message)
            .toList();

    assertThat(messages)
        .anySatisfy(m -> assertThat(m).startsWith("catalogue metric 'up' (up)"))
        .anySatisfy(m -> assertThat(m).startsWith("catalogue metric 'jvm_threads_live_threads'"))
        .noneSatisfy(m -> assertThat(m).contains("agent_cost_usd"));
  }

  @Test
  void uniqueUidTitleRule() {
    Dashboard copy = broken(d -> {});
    Dashboard sameTitle = broken(d -> d.put("uid", "another"));
    assertThat(LINTER.rule("unique-uid-title-rule").check(List.of(copy, copy)))
        .extracting(LintProblem::message)
        .anySatisfy(m -> assertThat(m).startsWith("has the uid 'agentmetrics-cost'"));
    assertThat(LINTER.rule("unique-uid-title-rule").check(List.of(copy, sameTitle)))
        .extracting(LintProblem::message)
        .containsExactly("has the title of cost.json");
  }

  @Test
  void dashboardLinksRule() {
    List<Dashboard> all = new ArrayList<>(Dashboards.loadAll());
    all.set(2, broken(d -> d.putArray("links")));
    assertThat(LINTER.rule("dashboard-links-rule").check(all))
        .extracting(LintProblem::dashboard)
        .containsExactly("agentmetrics / Cost");
  }
}
