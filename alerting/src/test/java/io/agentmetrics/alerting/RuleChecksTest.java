package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.alerting.PromtoolTestCoverage.Case;
import io.agentmetrics.alerting.PromtoolTestCoverage.ExpectedAlert;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks catch what they are meant to catch, on rules made up for the purpose. */
class RuleChecksTest {

  private static final Path FILE = Path.of("rules/made-up.yaml");
  private static final String RUNBOOK =
      RuleConventions.RUNBOOK_BASE + "agentmetricsllmerrorratehigh";
  private static final Map<String, String> ANNOTATIONS =
      Map.of(
          "summary", "LLM calls fail.",
          "description", "{{ $value }} of the calls of {{ $labels.job }} fail.",
          "runbook_url", RUNBOOK);

  private static Rule alert(
      String name,
      String expr,
      String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {
    return new Rule(FILE, "made-up.alerts", name, true, expr, forDuration, labels, annotations);
  }

  private static Rule good() {
    return alert(
        "AgentMetricsLlmErrorRateHigh",
        "sum by (job) (rate(gen_ai_client_inference_duration_seconds_count{error_type!=\"\"}[5m])) > 1",
        "5m",
        Map.of("severity", "warning"),
        ANNOTATIONS);
  }

  private static Map<String, String> with(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new HashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  @Test
  void aGoodAlertPassesEveryCheck() {
    assertThat(RuleConventions.problems(List.of(good()), Set.of("agentmetricsllmerrorratehigh")))
        .isEmpty();
    assertThat(CatalogueUsage.problems(List.of(good()))).isEmpty();
  }

  @Test
  void conventionsCatchBadNamesSeveritiesForsSummariesAndRunbooks() {
    Rule g = good();
    Map<Rule, String> bad =
        Map.of(
            alert("LlmErrors", g.expr(), "5m", g.labels(), ANNOTATIONS),
            "CamelCase",
            alert(g.name(), g.expr(), "5m", Map.of("severity", "page"), ANNOTATIONS),
            "severity",
            alert(g.name(), g.expr(), null, g.labels(), ANNOTATIONS),
            "for duration",
            alert(g.name(), g.expr(), "5m", g.labels(), with(ANNOTATIONS, "summary", "No period")),
            "summary",
            alert(
                g.name(),
                g.expr(),
                "5m",
                g.labels(),
                with(ANNOTATIONS, "summary", "{{ $value }}.")),
            "summary",
            alert(
                g.name(), g.expr(), "5m", g.labels(), with(ANNOTATIONS, "description", "Static.")),
            "description",
            alert(
                g.name(),
                g.expr(),
                "5m",
                g.labels(),
                with(ANNOTATIONS, "runbook_url", RUNBOOK + "x")),
            "runbook anchor",
            new Rule(FILE, "made-up.rules", "not-a-level", false, "up", null, Map.of(), Map.of()),
            "level:metric:operations",
            new Rule(FILE, "made-up.alerts", "a:b:c", false, "up", null, Map.of(), Map.of()),
            "group named *.rules");

    bad.forEach(
        (rule, problem) ->
            assertThat(
                    RuleConventions.problems(List.of(rule), Set.of("agentmetricsllmerrorratehigh")))
                .as(rule.toString())
                .anySatisfy(p -> assertThat(p).contains(problem)));
  }

  @Test
  void catalogueUsageCatchesUnknownMetricsLabelsAndValues() {
    Rule g = good();
    List<String> exprs =
        List.of(
            "rate(gen_ai_client_operation_errors_total[5m]) > 0",
            "rate(gen_ai_client_inference_duration_seconds_count{agent=\"x\"}[5m]) > 0",
            "rate(gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_type=\"hammer\"}[5m]) > 0",
            "rate(gen_ai_invoke_agent_duration_seconds_count{status=~\"error|failed\"}[5m]) > 0",
            "sum by (gen_ai_agent_name) (rate(gen_ai_client_inference_duration_seconds_count[5m])) > 0",
            "rate(gen_ai_client_inference_duration_seconds_count{le=\"1\"}[5m]) > 0");

    for (String expr : exprs) {
      Rule rule = alert(g.name(), expr, "5m", g.labels(), Map.of());
      assertThat(CatalogueUsage.problems(List.of(rule))).as(expr).hasSize(1);
    }
  }

  @Test
  void catalogueUsageReportsExpressionsItCannotRead() {
    Rule rule = alert(good().name(), "sum(rate(up[5m]))) > 0", "5m", good().labels(), Map.of());

    assertThat(CatalogueUsage.problems(List.of(rule)))
        .singleElement()
        .asString()
        .contains("cannot read the expression: unbalanced ')'");
  }

  @Test
  void catalogueUsageKnowsTheLabelsOfRecordedSeriesFromTheirLevel() {
    Rule recording =
        new Rule(
            FILE,
            "made-up.rules",
            "job_gen_ai_provider_name:gen_ai_client_inference_duration_seconds_count:rate5m",
            false,
            "sum by (job, gen_ai_provider_name) (rate(gen_ai_client_inference_duration_seconds_count[5m]))",
            null,
            Map.of(),
            Map.of());
    Rule lying =
        new Rule(
            FILE,
            "made-up.rules",
            "job_error_type:gen_ai_client_inference_duration_seconds_count:rate5m",
            false,
            "sum by (job) (rate(gen_ai_client_inference_duration_seconds_count[5m]))",
            null,
            Map.of(),
            Map.of());
    Rule user =
        alert(
            good().name(),
            "job_gen_ai_provider_name:gen_ai_client_inference_duration_seconds_count:rate5m{error_type=\"x\"} > 0",
            "5m",
            good().labels(),
            Map.of("description", "{{ $labels.gen_ai_provider_name }}"));

    assertThat(CatalogueUsage.problems(List.of(recording, user)))
        .singleElement()
        .asString()
        .contains("has no label error_type");
    assertThat(CatalogueUsage.problems(List.of(lying)))
        .singleElement()
        .asString()
        .contains("differs from its aggregation");
  }

  @Test
  void coverageNeedsAFiringAndASilentCaseForEveryAlert() {
    Rule rule = good();
    ExpectedAlert full = new ExpectedAlert(Map.of("severity", "warning", "job", "a"), ANNOTATIONS);
    ExpectedAlert noAnnotations = new ExpectedAlert(Map.of("severity", "warning"), Map.of());
    Case firing = new Case(FILE, List.of(FILE), rule.name(), "10m", List.of(full));
    Case silent = new Case(FILE, List.of(FILE), rule.name(), "1m", List.of());
    Case partial = new Case(FILE, List.of(FILE), rule.name(), "10m", List.of(noAnnotations));
    Case otherFile =
        new Case(FILE, List.of(Path.of("rules/other.yaml")), rule.name(), "1m", List.of());

    assertThat(PromtoolTestCoverage.gaps(List.of(rule), List.of(firing, silent), Set.of()))
        .isEmpty();
    assertThat(PromtoolTestCoverage.gaps(List.of(rule), List.of(firing), Set.of()))
        .singleElement()
        .asString()
        .contains("does not fire");
    assertThat(PromtoolTestCoverage.gaps(List.of(rule), List.of(firing), Set.of(rule.name())))
        .isEmpty();
    assertThat(PromtoolTestCoverage.gaps(List.of(rule), List.of(partial, silent), Set.of()))
        .singleElement()
        .asString()
        .contains("in which it fires");
    assertThat(PromtoolTestCoverage.gaps(List.of(rule), List.of(otherFile), Set.of()))
        .anySatisfy(gap -> assertThat(gap).contains("no test file loads"));
  }
}
