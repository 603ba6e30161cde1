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
    assertThat(MetricCatalogue.LLM_INFERENCE_DURATION.prometheusName())
        .isEqualTo("gen_ai_client_inference_duration_seconds");
    assertThat(MetricCatalogue.COST.seriesNames()).containsExactly("agent_cost_usd_total");
    assertThat(MetricCatalogue.LLM_CACHE_READ_TOKENS.seriesNames())
        .containsExactly("gen_ai_client_inference_usage_cache_read_input_tokens_total");
    assertThat(MetricCatalogue.LLM_CALL_INPUT_TOKENS.seriesNames())
        .containsExactly(
            "gen_ai_client_inference_operation_input_tokens_bucket",
            "gen_ai_client_inference_operation_input_tokens_count",
            "gen_ai_client_inference_operation_input_tokens_sum",
            "gen_ai_client_inference_operation_input_tokens_max");
    assertThat(MetricCatalogue.JVM_GC_PAUSE.seriesNames())
        .containsExactly(
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max");
    assertThat(Labels.PROVIDER.prometheusName()).isEqualTo("gen_ai_provider_name");
  }

  @Test
  void openTelemetryBucketBoundariesAreTheSpecs() {
    List<Double> duration =
        List.of(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
    assertThat(MetricCatalogue.LLM_INFERENCE_DURATION.buckets()).isEqualTo(duration);
    assertThat(MetricCatalogue.LLM_TIME_PER_OUTPUT_CHUNK.buckets()).isEqualTo(duration);
    assertThat(MetricCatalogue.TOOL_DURATION.buckets()).isEqualTo(duration);
    assertThat(MetricCatalogue.AGENT_RUN_DURATION.buckets())
        .containsExactly(0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6);
    assertThat(MetricCatalogue.AGENT_RUN_TOOL_CALLS.buckets())
        .containsExactly(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0);
    List<Double> tokens = MetricCatalogue.LLM_CALL_OUTPUT_TOKENS.buckets();
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
    assertThat(MetricCatalogue.bySeriesName("gen_ai_client_inference_duration_seconds_bucket"))
        .contains(MetricCatalogue.LLM_INFERENCE_DURATION);
    assertThat(MetricCatalogue.bySeriesName("agent_cost_usd_total")).contains(MetricCatalogue.COST);
    assertThat(MetricCatalogue.bySeriesName("agent_cost_usd")).isEmpty();
    assertThat(MetricCatalogue.byName("agent.cost")).contains(MetricCatalogue.COST);
  }

  @Test
  void labelPoliciesAcceptOnlyTheirValues() {
    assertThat(Labels.PROVIDER.policy().allows("openai")).isTrue();
    assertThat(Labels.PROVIDER.policy().allows("openrouter")).as("custom values").isTrue();
    assertThat(Labels.OPERATION.policy().allows("generate_content")).isTrue();
    assertThat(Labels.PROVIDER.policy().allows("open\nai")).isFalse();
    assertThat(Labels.PROVIDER.policy().allows("")).isFalse();
    assertThat(Labels.PROVIDER.policy().allows(LabelPolicy.OVERFLOW_VALUE)).isTrue();
    assertThat(Labels.ERROR_TYPE.policy().allows(Labels.NO_ERROR)).isTrue();
    assertThat(Labels.TEAM.policy().allows(Labels.NO_TEAM)).isTrue();
    assertThat(Labels.DIRECTION.policy().allows("")).isFalse();
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
    for (ToolKind kind : ToolKind.values()) {
      assertThat(Labels.TOOL_TYPE.policy().allows(kind.label())).isTrue();
    }
    assertThat(Labels.TOOL_TYPE.policy().allowedValues())
        .as("the spec's tool types and our skill")
        .containsExactly("function", "extension", "datastore", "skill");
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
  void runsThatDidNotSucceedCarryAnErrorType() {
    assertThat(AgentRun.success("a", 1).effectiveErrorType()).isNull();
    assertThat(AgentRun.error("a", 1, "TimeoutException").effectiveErrorType())
        .isEqualTo("TimeoutException");
    assertThat(new AgentRun("a", RunStatus.ERROR, 1, null).effectiveErrorType())
        .isEqualTo("_OTHER");
    assertThat(new AgentRun("a", RunStatus.CANCELLED, 1, null).effectiveErrorType())
        .isEqualTo("cancelled");
    assertThat(new AgentRun("a", RunStatus.TIMEOUT, 1, null).effectiveErrorType())
        .isEqualTo("timeout");
  }

  @Test
  void noopRecordsNothingAndNeverThrows() {
    AgentMetrics metrics = AgentMetrics.noop();
    metrics.llmCall(null);
    metrics.agentRun(AgentRun.error(null, Double.NaN, null));
    assertThat(metrics).isSameAs(AgentMetrics.noop());
  }
}
