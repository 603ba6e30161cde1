package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.LlmCall;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several threads record at once; every total is exact, overflow included. */
class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 5_000;

  @Test
  void totalsAreExactUnderConcurrentRecording() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).seriesCap(50).build();
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(
          () -> {
            start.await();
            for (int i = 0; i < PER_THREAD; i++) {
              String agent = "agent-" + (i % 4);
              metrics.agentRunStarted(agent);
              metrics.llmCall(
                  LlmCall.builder("openai", "gpt-4o")
                      .agent(agent)
                      .durationSeconds(0.25)
                      .tokens(10, 2)
                      .build());
              metrics.agentRun(AgentRun.success(agent, 0.5));
              // 8 threads x 20 features = 160 distinct values against a cap of 50 series
              metrics.featureUsed("feature-" + thread + "-" + (i % 20));
            }
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    int total = THREADS * PER_THREAD;
    Scrape scrape = new Scrape(registry);
    assertThat(sum(scrape, "gen_ai_client_inference_duration_seconds_count")).isEqualTo(total);
    assertThat(sum(scrape, "gen_ai_client_inference_usage_input_tokens_total"))
        .isEqualTo(total * 10.0);
    assertThat(sum(scrape, "gen_ai_client_inference_usage_output_tokens_total"))
        .isEqualTo(total * 2.0);
    assertThat(sum(scrape, "gen_ai_invoke_agent_duration_seconds_count")).isEqualTo(total);
    assertThat(sum(scrape, "agent_runs_active")).isZero();
    assertThat(sum(scrape, "agent_feature_usage_total")).isEqualTo(total);
    assertThat(count(scrape, "agent_feature_usage_total")).isEqualTo(51);
    double other =
        Double.parseDouble(scrape.value("agent_feature_usage_total", Map.of("feature", "_other")));
    assertThat(
            scrape.value(
                "agentmetrics_cardinality_overflow_total", Map.of("metric", "agent_feature_usage")))
        .isEqualTo(Double.toString(other));
    assertThat(other).isEqualTo(total - 50 * (PER_THREAD / 20.0));
  }

  private static double sum(Scrape scrape, String series) {
    return scrape.samples().stream()
        .filter(sample -> sample.name().equals(series))
        .mapToDouble(sample -> Double.parseDouble(sample.value()))
        .sum();
  }

  private static long count(Scrape scrape, String series) {
    return scrape.samples().stream().filter(sample -> sample.name().equals(series)).count();
  }
}
