package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.catalogue.promql.PromQlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real rule files against the conventions, the catalogue, the runbooks and their tests. */
class RulesTest {

  private static List<Rule> rules;
  private static Set<String> anchors;

  @BeforeAll
  static void load() throws IOException {
    rules = RuleFiles.load(AlertingFiles.rulesDir());
    anchors = RunbookAnchors.of(Files.readString(AlertingFiles.runbooks()));
  }

  @Test
  void everyRuleFollowsTheConventions() {
    assertThat(rules).hasSizeGreaterThan(50);
    assertThat(RuleConventions.problems(rules, anchors)).isEmpty();
  }

  @Test
  void everyMetricLabelAndValueExistsInTheCatalogue() {
    assertThat(CatalogueUsage.problems(rules)).isEmpty();
  }

  @Test
  void everyAlertFiresInOneTestCaseAndStaysSilentInAnother() {
    List<Path> testFiles = RuleFiles.in(AlertingFiles.testsDir());
    List<PromtoolTestCoverage.Case> cases = PromtoolTestCoverage.read(testFiles);

    assertThat(PromtoolTestCoverage.gaps(rules, cases, Set.of(RuleConventions.WATCHDOG))).isEmpty();
  }

  /**
   * The first query of an alert's runbook section reads what the alert reads: the first series of
   * its expression (the in-flight reports of the backlog alerts, not the gauge they only fall back
   * to), directly or through the recording rules it is recorded from.
   */
  @Test
  void everyRunbooksFirstQueryReadsTheFirstSeriesOfItsAlert() throws IOException {
    Map<String, String> queries = RunbookQueries.of(Files.readString(AlertingFiles.runbooks()));
    List<String> problems = new ArrayList<>();
    for (Rule alert : rules.stream().filter(Rule::alert).toList()) {
      String query = queries.get(alert.name());
      if (query == null) {
        problems.add(alert.name() + ": no first query in the runbook");
        continue;
      }
      Set<String> first =
          PromQlReader.read(alert.expr()).metrics().stream()
              .findFirst()
              .map(RulesTest::withSources)
              .orElse(Set.of());
      Set<String> read = new java.util.HashSet<>();
      PromQlReader.read(query).metrics().forEach(m -> read.addAll(withSources(m)));
      if (!first.isEmpty() && java.util.Collections.disjoint(first, read)) {
        problems.add(
            alert.where() + ": the runbook's first query " + query + " reads none of " + first);
      }
    }
    assertThat(problems).isEmpty();
  }

  /** A series and, for a recording rule, every series it is recorded from. */
  private static Set<String> withSources(String series) {
    Set<String> all = new java.util.LinkedHashSet<>(Set.of(series));
    rules.stream()
        .filter(r -> !r.alert() && r.name().equals(series))
        .flatMap(r -> PromQlReader.read(r.expr()).metrics().stream())
        .forEach(source -> all.addAll(withSources(source)));
    return all;
  }

  @Test
  void everyAlertSectionOfTheRunbooksIsAnAlert() throws IOException {
    Set<String> alertNames =
        rules.stream().filter(Rule::alert).map(Rule::name).collect(Collectors.toSet());
    Matcher headings =
        Pattern.compile("(?m)^## (AgentMetrics\\w*)\\s*$")
            .matcher(Files.readString(AlertingFiles.runbooks()));
    int sections = 0;
    while (headings.find()) {
      assertThat(alertNames).as("runbook section").contains(headings.group(1));
      sections++;
    }
    assertThat(sections).isEqualTo(alertNames.size());
  }

  @Test
  void runbookAndMetricsDocQueriesUseOnlyCatalogueMetricsAndLabels() throws IOException {
    Matcher blocks =
        Pattern.compile("(?s)```promql\n(.*?)```")
            .matcher(
                Files.readString(AlertingFiles.runbooks())
                    + Files.readString(AlertingFiles.repoRoot().resolve("docs/metrics.md")));
    List<Rule> queries = new ArrayList<>(rules.stream().filter(r -> !r.alert()).toList());
    while (blocks.find()) {
      for (String query : blocks.group(1).strip().split("\n")) {
        queries.add(
            new Rule(
                AlertingFiles.runbooks(),
                "runbooks",
                query,
                true,
                query,
                null,
                Map.of(),
                Map.of()));
      }
    }
    assertThat(queries.size()).isGreaterThan(rules.size() / 2);

    assertThat(CatalogueUsage.problems(queries))
        .allSatisfy(
            p ->
                assertThat(p)
                    .containsAnyOf(
                        "ALERTS is not", "prometheus_rule_evaluation_failures_total is not"));
  }

  @Test
  void promtoolTestInputsAreSeriesOfTheCatalogue() {
    List<Rule> inputs = new ArrayList<>();
    for (Path testFile : RuleFiles.in(AlertingFiles.testsDir())) {
      for (JsonNode test : RuleFiles.readYaml(testFile).path("tests")) {
        for (JsonNode input : test.path("input_series")) {
          String series = input.path("series").asText();
          inputs.add(new Rule(testFile, "inputs", series, true, series, null, Map.of(), Map.of()));
        }
      }
    }
    assertThat(inputs).hasSizeGreaterThan(50);

    assertThat(CatalogueUsage.problems(inputs)).isEmpty();
  }

  @Test
  void coversEveryAlertTheSourceSystemsHad() {
    Set<String> alertNames =
        rules.stream().filter(Rule::alert).map(Rule::name).collect(Collectors.toSet());

    assertThat(alertNames)
        .contains(
            "AgentMetricsAgentErrorRateHigh",
            "AgentMetricsTaskFailureRateHigh",
            "AgentMetricsAgentRunsSlow",
            "AgentMetricsLlmErrorRateHigh",
            "AgentMetricsLlmCallsSlow",
            "AgentMetricsLlmTimeToFirstTokenSlow",
            "AgentMetricsTokenUsageSurge",
            "AgentMetricsDailyCostOverBudget",
            "AgentMetricsMonthlyCostProjectedOverBudget",
            "AgentMetricsApprovalBacklog",
            "AgentMetricsApprovalSlaBreached",
            "AgentMetricsApprovalsAutoEscalated",
            "AgentMetricsPolicyViolationRateHigh",
            "AgentMetricsPermissionEscalationSpike",
            "AgentMetricsAgentOverloaded",
            "AgentMetricsTaskQueueBacklog",
            "AgentMetricsCacheHitRatioLow",
            "AgentMetricsVectorStoreSlow",
            "AgentMetricsTargetDown",
            "AgentMetricsScrapesFailing",
            "AgentMetricsScrapesSlow",
            "AgentMetricsProcessCpuHigh",
            "AgentMetricsProcessMemoryHigh",
            "AgentMetricsCardinalityOverflow",
            "AgentMetricsWatchdog",
            "AgentMetricsAgentRunErrorBudgetBurn",
            "AgentMetricsLlmCallErrorBudgetBurn");
  }

  @Test
  void sloObjectivesAreSetOnceAndBurnRateAlertsFollowTheWorkbook() {
    Map<String, String> objectives =
        rules.stream()
            .filter(r -> r.name().equals("slo:objective:ratio"))
            .collect(Collectors.toMap(r -> r.labels().get("slo"), Rule::expr));
    assertThat(objectives).containsOnlyKeys("agent-run-success", "llm-call-success");
    objectives.values().forEach(expr -> assertThat(expr).matches("vector\\(0\\.9\\d*\\)"));

    Set<List<String>> workbook =
        Set.of(
            List.of("1h", "5m", "14.4", "critical"),
            List.of("6h", "30m", "6", "critical"),
            List.of("1d", "2h", "3", "warning"),
            List.of("3d", "6h", "1", "warning"));
    for (String alert :
        List.of("AgentMetricsAgentRunErrorBudgetBurn", "AgentMetricsLlmCallErrorBudgetBurn")) {
      List<Rule> burns = rules.stream().filter(r -> r.name().equals(alert)).toList();
      Set<List<String>> windows =
          burns.stream()
              .map(
                  r ->
                      List.of(
                          r.labels().get("long_window"),
                          r.labels().get("short_window"),
                          r.labels().get("burn_rate"),
                          r.severity()))
              .collect(Collectors.toSet());
      assertThat(windows).as(alert).isEqualTo(workbook);
      for (Rule burn : burns) {
        String budget = burn.labels().get("burn_rate") + " * slo:error_budget:ratio{slo=\"";
        assertThat(burn.expr())
            .as(burn.where())
            .contains(":ratio_rate" + burn.labels().get("long_window") + "\n")
            .contains(":ratio_rate" + burn.labels().get("short_window") + "\n")
            .contains(budget)
            .doesNotContain("0.99");
        String slo = burn.expr().split(Pattern.quote(budget), 2)[1].split("\"", 2)[0];
        assertThat(objectives).as(burn.where()).containsKey(slo);
      }
    }
  }
}
