package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.api.MetricCatalogue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The handles generated from the model: every label a named stage in the catalogue's order, so a
 * label left out or out of place does not compile, and a handle on another metric's family fails at
 * once.
 */
class MetricHandlesTest {

  private static String compile(String statement) {
    return JavaProbe.errors(
        "io.agentmetrics.core",
        "MetricHandles.EvaluationResults<io.micrometer.core.instrument.Counter> results",
        statement);
  }

  @Test
  void aHandleCompilesOnlyWithEveryLabelInItsPlace() {
    assertThat(
            compile(
                "results.agent(\"bot\").evaluationName(\"relevance\")"
                    + ".evaluationScoreLabel(\"pass\").increment();"))
        .as("every label, in order")
        .isEmpty();
    assertThat(
            compile(
                "results.evaluationName(\"relevance\").agent(\"bot\")"
                    + ".evaluationScoreLabel(\"pass\").increment();"))
        .as("agent and evaluation swapped")
        .contains("cannot find symbol");
    assertThat(compile("results.agent(\"bot\").evaluationScoreLabel(\"pass\").increment();"))
        .as("the evaluation left out")
        .contains("cannot find symbol");
  }

  @Test
  void aHandleRecordsUnderItsLabelsAndRefusesAnotherMetricsFamily() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GuardCounters guard = new GuardCounters(registry, 100);
    Meters meters =
        new Meters(registry, 100, guard, RegistrationFailures.listen(registry, 100, guard));
    MetricHandles.EvaluationResults<Counter> results =
        new MetricHandles.EvaluationResults<>(meters.counters(MetricCatalogue.EVALUATION_RESULTS));

    results.agent("bot").evaluationName("relevance").evaluationScoreLabel("pass").increment();

    assertThat(registry.scrape())
        .contains(
            "agent_evaluation_results_total{gen_ai_agent_name=\"bot\","
                + "gen_ai_evaluation_name=\"relevance\",gen_ai_evaluation_score_label=\"pass\"} 1.0");
    assertThatThrownBy(
            () ->
                new MetricHandles.EvaluationResults<>(
                    meters.counters(MetricCatalogue.CACHE_REQUESTS)))
        .hasMessageContaining("a handle of agent.evaluation.results on the family of");
  }
}
