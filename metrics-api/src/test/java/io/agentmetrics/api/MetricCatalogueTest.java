package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricCatalogueTest {

  private static final Pattern PROMETHEUS_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  @Test
  void prometheusNamesFollowMicrometerConventions() {
    assertThat(MetricCatalogue.LLM_OPERATION_DURATION.prometheusName())
        .isEqualTo("gen_ai_client_operation_duration_seconds");
    assertThat(MetricCatalogue.COST.seriesNames()).containsExactly("agent_cost_usd_total");
    assertThat(MetricCatalogue.LLM_TOKEN_USAGE.seriesNames())
        .containsExactly(
            "gen_ai_client_token_usage_bucket",
            "gen_ai_client_token_usage_count",
            "gen_ai_client_token_usage_sum",
            "gen_ai_client_token_usage_max");
    assertThat(MetricCatalogue.JVM_GC_PAUSE.seriesNames())
        .containsExactly(
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max");
    assertThat(MetricCatalogue.SCRAPE_DURATION.seriesNames())
        .containsExactly("scrape_duration_seconds");
    assertThat(Labels.PROVIDER.prometheusName()).isEqualTo("gen_ai_provider_name");
  }

  @Test
  void openTelemetryBucketBoundariesAreTheSpecs() {
    assertThat(MetricCatalogue.LLM_OPERATION_DURATION.buckets())
        .containsExactly(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
    List<Double> tokens = MetricCatalogue.LLM_TOKEN_USAGE.buckets();
    assertThat(tokens).hasSize(14).startsWith(1.0, 4.0, 16.0).endsWith(67108864.0);
  }

  @Test
  void everyMetricIsWellFormedAndUnique() {
    Set<String> names = new HashSet<>();
    for (MetricDefinition metric : MetricCatalogue.all()) {
      assertThat(names.add(metric.name())).as("duplicate %s", metric.name()).isTrue();
      assertThat(metric.prometheusName()).matches(PROMETHEUS_NAME);
      assertThat(metric.help()).as(metric.name()).endsWith(".");
      Set<String> labelNames = new HashSet<>(metric.labelNames());
      assertThat(labelNames).as(metric.name()).hasSize(metric.labels().size());
      assertThat(labelNames).doesNotContain("job", "instance");
      if (metric.type() == MetricType.COUNTER) {
        assertThat(metric.prometheusName()).doesNotEndWith("_total");
      }
      for (LabelDefinition label : metric.labels()) {
        assertThat(label.prometheusName()).matches(PROMETHEUS_NAME);
        assertThat(label.key()).doesNotContainIgnoringCase("user").doesNotContain("session_id");
      }
    }
  }

  @Test
  void seriesNamesLeadBackToTheirMetric() {
    assertThat(MetricCatalogue.bySeriesName("gen_ai_client_operation_duration_seconds_bucket"))
        .contains(MetricCatalogue.LLM_OPERATION_DURATION);
    assertThat(MetricCatalogue.bySeriesName("agent_cost_usd_total")).contains(MetricCatalogue.COST);
    assertThat(MetricCatalogue.bySeriesName("agent_cost_usd")).isEmpty();
    assertThat(MetricCatalogue.byName("agent.cost")).contains(MetricCatalogue.COST);
  }

  @Test
  void labelPoliciesAcceptOnlyTheirValues() {
    assertThat(Labels.PROVIDER.policy().allows("openai")).isTrue();
    assertThat(Labels.PROVIDER.policy().allows("OpenAI")).isFalse();
    assertThat(Labels.PROVIDER.policy().allows(LabelPolicy.OVERFLOW_VALUE)).isTrue();
    LabelPolicy text = LabelPolicy.freeText(10, 5);
    assertThat(text.allows("gpt-4o")).isTrue();
    assertThat(text.allows("")).isFalse();
    assertThat(text.allows(null)).isFalse();
    assertThat(text.allows("01234567890")).isFalse();
    assertThat(text.allows("a\"b")).isFalse();
    assertThat(text.allows("caf\u00e9")).isFalse();
    assertThatThrownBy(() -> LabelPolicy.freeText(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void enumsMapToTheirCatalogueValues() {
    for (RunStatus status : RunStatus.values()) {
      assertThat(Labels.RUN_STATUS.policy().allows(status.label())).isTrue();
    }
    for (TaskStatus status : TaskStatus.values()) {
      assertThat(Labels.TASK_STATUS.policy().allows(status.label())).isTrue();
    }
    for (ApprovalDecision decision : ApprovalDecision.values()) {
      assertThat(Labels.APPROVAL_DECISION.policy().allows(decision.label())).isTrue();
    }
    assertThat(ApprovalDecision.fromLabel("timed_out")).isEqualTo(ApprovalDecision.TIMED_OUT);
    assertThat(ApprovalDecision.fromLabel("maybe")).isNull();
  }

  @Test
  void noopRecordsNothingAndNeverThrows() {
    AgentMetrics metrics = AgentMetrics.noop();
    metrics.llmCall(null);
    metrics.agentRun(AgentRun.error(null, Double.NaN, null));
    assertThat(metrics).isSameAs(AgentMetrics.noop());
  }
}
