package io.agentmetrics.catalogue.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricCatalogue;
import org.junit.jupiter.api.Test;

class CatalogueCheckTest {

  private static final String BUCKET = "gen_ai_client_inference_duration_seconds_bucket";

  private static java.util.List<String> problems(String expr) {
    return CatalogueCheck.problems(PromQlReader.read(expr));
  }

  @Test
  void acceptsCatalogueMetricsWithTheirTargetAndBucketLabels() {
    assertThat(
            problems(
                "histogram_quantile(0.95, sum by (le, job) (rate("
                    + BUCKET
                    + "{job=~\"$job\", instance=\"a:1\", gen_ai_provider_name=~\"$provider\"}[5m])))"
                    + " / on (job) group_left sum by (job) (up)"))
        .isEmpty();
  }

  @Test
  void namesUnknownMetricsLabelsAndNamelessSelectors() {
    assertThat(problems("rate(agent_spend_total[5m])"))
        .containsExactly("metric 'agent_spend_total' is not in the metrics-api catalogue");
    assertThat(problems("rate(agent_cost_usd_total{user_id=\"42\"}[5m])"))
        .singleElement()
        .asString()
        .startsWith("metric 'agent_cost_usd_total' has no label 'user_id' (it has [");
    assertThat(problems("gen_ai_client_inference_duration_seconds_count{le=\"1\"}"))
        .singleElement()
        .asString()
        .contains("has no label 'le'");
    assertThat(problems("{job=\"a\"}"))
        .containsExactly("a selector has no metric name, so it cannot be checked: [job=\"a\"]");
  }

  @Test
  void checksLiteralValuesOfClosedSetLabelsOnly() {
    String label =
        MetricCatalogue.bySeriesName("agent_task_duration_seconds_count")
            .orElseThrow()
            .labels()
            .stream()
            .filter(l -> l.policy().isClosed())
            .findFirst()
            .orElseThrow()
            .prometheusName();
    String series = "agent_task_duration_seconds_count{" + label;

    assertThat(problems(series + "=~\"no_such_value|other\"}"))
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).contains("' never has the value '"));
    assertThat(problems(series + "=~\"$status\"}")).isEmpty();
    assertThat(problems(series + "=~\".*rr.*\"}")).isEmpty();
  }

  @Test
  void checksAggregationAndVectorMatchingLabels() {
    assertThat(problems("sum by (tool) (rate(agent_cost_usd_total[5m]))"))
        .containsExactly("by (tool) on 'agent_cost_usd_total', which has no label 'tool'");
    assertThat(problems("sum without (le) (agent_cost_usd_total)"))
        .containsExactly("without (le) on 'agent_cost_usd_total', which has no label 'le'");
    assertThat(problems("up * on (tool) agent_cost_usd_total"))
        .containsExactly("on (tool): no metric of the query has label 'tool'");
  }
}
