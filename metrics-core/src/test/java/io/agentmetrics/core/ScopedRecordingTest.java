package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.LlmCallScope;
import io.agentmetrics.api.RunScope;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The scopes of the api, on the real recorder with an injected clock: exact scrape lines. */
class ScopedRecordingTest {

  private final AtomicLong nanos = new AtomicLong();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerAgentMetrics metrics =
      MicrometerAgentMetrics.builder(registry).ticker(nanos::get).build();

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000L);
  }

  @Test
  void aRunWithAStreamedCallIsRecordedWithTheDurationsOfTheInjectedClock() {
    try (RunScope run = metrics.startRun("support-bot")) {
      advanceMillis(100);
      try (LlmCallScope call = run.startLlmCall("openai", "gpt-5")) {
        advanceMillis(250);
        call.chunk();
        advanceMillis(50);
        call.chunk();
        call.tokens(1000, 200);
      }
      advanceMillis(600);
    }

    assertThat(new Scrape(registry).lines())
        .contains(
            "gen_ai_invoke_agent_duration_seconds_sum{error_type=\"\",gen_ai_agent_name=\"support-bot\"} 1.0",
            "gen_ai_invoke_agent_inference_calls_sum{gen_ai_agent_name=\"support-bot\"} 1.0",
            "gen_ai_client_inference_duration_seconds_sum{error_type=\"\",gen_ai_operation_name=\"chat\","
                + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5\"} 0.3",
            "gen_ai_client_inference_time_to_first_chunk_seconds_sum{gen_ai_operation_name=\"chat\","
                + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5\"} 0.25",
            "gen_ai_client_inference_time_per_output_chunk_seconds_sum{gen_ai_operation_name=\"chat\","
                + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5\"} 0.05");
  }

  @Test
  void theRunOpenOnAThreadIsCurrentThereUntilItClosesAndANestedRunRestoresItsEnclosingOne()
      throws Exception {
    assertThat(RunScope.current()).isNull();
    try (RunScope outer = metrics.startRun("support-bot")) {
      assertThat(RunScope.current()).isSameAs(outer);
      try (RunScope inner = metrics.startRun("refund-bot")) {
        assertThat(RunScope.current()).isSameAs(inner);
        inner.countCalls(2, 1); // what a framework bridge counts for the run
      }
      assertThat(RunScope.current()).isSameAs(outer);
    }
    assertThat(RunScope.current()).isNull();

    // A run closed on another thread is no longer current on the thread that started it.
    RunScope moved = metrics.startRun("support-bot");
    Thread closer = new Thread(moved::close);
    closer.start();
    closer.join();
    assertThat(RunScope.current()).isNull();

    assertThat(new Scrape(registry).lines())
        .contains(
            "gen_ai_invoke_agent_inference_calls_sum{gen_ai_agent_name=\"refund-bot\"} 2.0",
            "gen_ai_invoke_agent_tool_calls_sum{gen_ai_agent_name=\"refund-bot\"} 1.0",
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"support-bot\"} 2");
  }
}
