package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.ToolCall;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid values are dropped and counted, never thrown. */
class InvalidValuesTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();

  @Test
  void negativeAndNonFiniteDurationsAreDroppedAndCounted() {
    metrics.llmCall(LlmCall.builder("openai", "gpt-4o").durationSeconds(-0.5).build());
    metrics.llmCall(LlmCall.builder("openai", "gpt-4o").durationSeconds(Double.NaN).build());
    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o").durationSeconds(Double.POSITIVE_INFINITY).build());
    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o")
            .durationSeconds(1)
            .timeToFirstChunkSeconds(Double.NEGATIVE_INFINITY)
            .build());
    metrics.agentStartup("support", -3);

    List<String> lines = new Scrape(registry).lines();
    assertThat(lines)
        .contains(
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_client_inference_duration_seconds\",reason=\"negative\"} 1.0",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_client_inference_duration_seconds\",reason=\"not_finite\"} 2.0",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_client_inference_time_to_first_chunk_seconds\","
                + "reason=\"not_finite\"} 1.0",
            "agentmetrics_recordings_rejected_total{metric=\"agent_startup_duration_seconds\","
                + "reason=\"negative\"} 1.0",
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-4o\"} 1");
    assertThat(lines)
        .noneMatch(line -> line.startsWith("gen_ai_client_inference_time_to_first_chunk_seconds_"))
        .noneMatch(line -> line.startsWith("agent_startup_duration_seconds_"));
  }

  @Test
  void negativeCountsAndGaugeValuesAreDroppedAndCounted() {
    metrics.llmCall(LlmCall.builder("openai", "gpt-4o").durationSeconds(1).tokens(-10, 5).build());
    metrics.queueDepth("inbox", 4);
    metrics.queueDepth("inbox", -1);
    metrics.ragRetrieval(new RagRetrieval("support", "pgvector", 0.1, -2, -0.5, Double.NaN));

    assertThat(new Scrape(registry).lines())
        .contains(
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_client_inference_usage_input_tokens\",reason=\"negative\"} 1.0",
            "gen_ai_client_inference_usage_output_tokens_total{gen_ai_agent_name=\"unknown\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-4o\",gen_ai_token_modality=\"unknown\",team=\"\"}"
                + " 5.0",
            "agent_task_queue_depth{queue=\"inbox\"} 4.0",
            "agentmetrics_recordings_rejected_total{metric=\"agent_task_queue_depth\","
                + "reason=\"negative\"} 1.0",
            "agentmetrics_recordings_rejected_total{metric=\"agent_rag_documents_retrieved\","
                + "reason=\"negative\"} 1.0",
            "agentmetrics_recordings_rejected_total{metric=\"agent_rag_relevance_score\","
                + "reason=\"negative\"} 1.0",
            "agent_rag_retrieval_duration_seconds_count{gen_ai_agent_name=\"support\","
                + "store=\"pgvector\"} 1");
  }

  @Test
  void nullEventsAreCounted() {
    metrics.llmCall(null);
    metrics.agentRun(null);
    metrics.toolCall(null);
    metrics.taskFinished(null);
    metrics.ragRetrieval(null);

    assertThat(new Scrape(registry).lines())
        .contains(
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_client_inference_duration_seconds\",reason=\"null_event\"} 1.0",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_invoke_agent_duration_seconds\",reason=\"null_event\"} 1.0",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_execute_tool_duration_seconds\",reason=\"null_event\"} 1.0",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"agent_task_duration_seconds\",reason=\"null_event\"} 1.0",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"agent_rag_retrieval_duration_seconds\",reason=\"null_event\"} 1.0");
  }

  @Test
  void nullEnumsAndNamesBecomeOther() {
    metrics.toolCall(new ToolCall("support", "search", null, 1, null));
    metrics.message("support", null, null);

    assertThat(new Scrape(registry).lines())
        .contains(
            "gen_ai_execute_tool_duration_seconds_count{error_type=\"\","
                + "gen_ai_agent_name=\"support\",gen_ai_tool_name=\"search\","
                + "gen_ai_tool_type=\"_other\"} 1",
            "agent_messages_total{channel=\"_other\",direction=\"_other\","
                + "gen_ai_agent_name=\"support\"} 1.0",
            "agentmetrics_recordings_rejected_total{metric=\"agent_messages\","
                + "reason=\"invalid_label\"} 2.0",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_execute_tool_duration_seconds\",reason=\"invalid_label\"} 1.0");
  }

  @Test
  void aFailingRegistryIsCountedAsInternalAndNeverThrows() {
    // An application's meter filter that fails for one of our meters.
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                if (id.getName().equals("agent.cache.requests")) {
                  throw new IllegalStateException("broken filter");
                }
                return id;
              }
            });

    metrics.cacheLookup("prompt", true);
    metrics.cacheLookup("prompt", false);

    assertThat(new Scrape(registry).lines())
        .contains(
            "agentmetrics_recordings_rejected_total{metric=\"agent_cache_requests\","
                + "reason=\"internal\"} 2.0");
  }
}
