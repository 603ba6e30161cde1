package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.Labels;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * {@link LlmSeries}, the typed handle of the LLM call metrics: a label left out or two swapped is a
 * compile error (checked by compiling such code with the JDK's compiler against this module), a
 * label set resolves to the same meters every time, and what it keeps stays bounded under hostile
 * values while the recordings still land where the families' guards put them.
 */
class LlmSeriesTest {

  private static final String CALL =
      "series.operation(\"chat\").provider(\"openai\").model(\"gpt-4o\").agent(\"bot\")"
          + ".team(\"\").errorType(\"\")";

  @Test
  void theHandleCompilesOnlyWithEveryLabelInItsPlace() {
    assertThat(compile(CALL + ".duration(1.0);")).as("every label, in order").isEmpty();
    assertThat(
            compile(
                "series.provider(\"openai\").operation(\"chat\").model(\"gpt-4o\").agent(\"bot\")"
                    + ".team(\"\").errorType(\"\").duration(1.0);"))
        .as("operation and provider swapped")
        .contains("cannot find symbol");
    assertThat(
            compile(
                "series.operation(\"chat\").provider(\"openai\").model(\"gpt-4o\").agent(\"bot\")"
                    + ".errorType(\"\").duration(1.0);"))
        .as("the team left out")
        .contains("cannot find symbol");
    assertThat(
            compile(
                "series.operation(\"chat\").provider(\"openai\").model(\"gpt-4o\").team(\"\")"
                    + ".agent(\"bot\").errorType(\"\").duration(1.0);"))
        .as("agent and team swapped")
        .contains("cannot find symbol");
  }

  @Test
  void aLabelSetResolvesToTheSameMetersAndRecordsUnderItsLabels() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LlmSeries series = MicrometerAgentMetrics.builder(registry).build().llmSeries();

    LlmSeries.CallMeters first = call(series, "gpt-4o", "payments");
    first.duration(0.5);
    first.inputTokens(100);
    LlmSeries.CallMeters again = call(series, "gpt-4o", "payments");
    again.duration(1.5);
    again.inputTokens(20);

    assertThat(again).isSameAs(first);
    assertThat(
            total(
                registry,
                "gen_ai_client_inference_duration_seconds_sum",
                "gen_ai_operation_name",
                "chat",
                "gen_ai_provider_name",
                "openai",
                "gen_ai_request_model",
                "gpt-4o",
                "error_type",
                ""))
        .isEqualTo(2.0);
    assertThat(
            total(
                registry,
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_agent_name",
                "bot",
                "team",
                "payments"))
        .isEqualTo(120.0);
    assertThat(registry.scrape())
        .as("a kind of token never reported has no series")
        .doesNotContain("gen_ai_client_inference_usage_cache_write_input_tokens_total{");
  }

  @Test
  void hostileValuesAreNotKeptAndStillRecordUnderTheGuardsValues() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).seriesCap(5).build();
    LlmSeries series = metrics.llmSeries();
    String refused = "x".repeat(Labels.MODEL.policy().maxLength() + 1);

    LlmSeries.CallMeters tooLong = call(series, refused);
    assertThat(call(series, refused))
        .as("a label set with a value the label's policy refuses is not kept")
        .isNotSameAs(tooLong);
    tooLong.duration(1.0);

    for (int i = 0; i < 1000; i++) {
      call(series, "model-" + i).duration(1.0);
    }
    assertThat(call(series, "model-0"))
        .as("kept within the budget")
        .isSameAs(call(series, "model-0"));
    assertThat(call(series, "model-999"))
        .as("past the budget (4 x the series cap) nothing new is kept")
        .isNotSameAs(call(series, "model-999"));

    assertThat(total(registry, "gen_ai_client_inference_duration_seconds_count"))
        .as("every recording counted")
        .isEqualTo(1001.0);
    assertThat(
            total(
                registry,
                "gen_ai_client_inference_duration_seconds_count",
                "gen_ai_request_model",
                LabelPolicy.OVERFLOW_VALUE))
        .as("the refused value and the models past the series cap, under the overflow value")
        .isEqualTo(1001.0 - 4);
    assertThat(
            total(
                registry,
                "agentmetrics_recordings_rejected_total",
                "metric",
                "gen_ai_client_inference_duration_seconds",
                "reason",
                "invalid_label"))
        .isEqualTo(1.0);
  }

  private static LlmSeries.CallMeters call(LlmSeries series, String model) {
    return call(series, model, "");
  }

  private static LlmSeries.CallMeters call(LlmSeries series, String model, String team) {
    return series
        .operation("chat")
        .provider("openai")
        .model(model)
        .agent("bot")
        .team(team)
        .errorType("");
  }

  /** The sum of the samples named {@code name} whose labels include {@code labels} (pairs). */
  private static double total(PrometheusMeterRegistry registry, String name, String... labels) {
    double sum = 0;
    for (Scrape.Sample sample : new Scrape(registry).samples()) {
      boolean matches = sample.name().equals(name);
      for (int i = 0; matches && i < labels.length; i += 2) {
        matches = labels[i + 1].equals(sample.labels().get(labels[i]));
      }
      sum += matches ? Double.parseDouble(sample.value()) : 0;
    }
    return sum;
  }

  /** The compiler's errors for {@code statement} in a method given {@code LlmSeries series}. */
  private static String compile(String statement) {
    return JavaProbe.errors("probe", "io.agentmetrics.core.LlmSeries series", statement);
  }
}
