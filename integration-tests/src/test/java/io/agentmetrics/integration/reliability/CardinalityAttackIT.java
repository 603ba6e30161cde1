package io.agentmetrics.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.integration.support.InProcessServer;
import io.agentmetrics.integration.support.TextScrape;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A cardinality attack through the ingest API: every event carries a label value never seen before
 * (cache names, tool names and model names in turn). The series stay under the caps, the totals
 * stay exact (the overflow series {@code _other} holds the excess), the used heap after GC stays
 * bounded, and the server keeps answering scrapes and health checks during the attack.
 *
 * <p>CI size: 1,000,000 distinct values (about 7 s here); {@code
 * -Dagentmetrics.reliability.long=true} sends 10,000,000. Results go to {@code
 * target/reliability-cardinality.md}.
 */
class CardinalityAttackIT {

  private static final int BATCH = 2000;
  private static final int SENDERS = 2;
  private static final String CACHE = "agent_cache_requests_total";
  private static final String TOOL = "gen_ai_execute_tool_duration_seconds_count";
  private static final String LLM = "gen_ai_client_inference_duration_seconds_count";

  /**
   * Allowed growth of the used heap after GC: 24 MiB. The caps (2000 series per metric, 50 to 200
   * distinct values per free-text label) bound what the guard retains to a few thousand meters
   * whatever the attack's size, and the warm-up has already made the buffers and classes. A leak of
   * one entry per distinct value would retain at least {@link #LEAK_PER_VALUE} bytes per value: 100
   * MB at the CI size, 1 GB in the long run, both far above the bound (the test checks this).
   */
  private static final long HEAP_BOUND = 24L * 1024 * 1024;

  /** The least a per-value leak would retain: a 16-byte key object, a String and a map node. */
  private static final long LEAK_PER_VALUE = 100;

  @Test
  void distinctLabelValuesStayUnderTheCapsWithExactTotalsAndBoundedHeap() throws Exception {
    int distinct = Reports.longRun() ? 10_000_000 : 1_000_000;
    assertThat(distinct * LEAK_PER_VALUE)
        .as("the heap bound must be below what a per-value leak would retain")
        .isGreaterThan(HEAP_BOUND);
    Latencies scrapes = new Latencies("GET /metrics during the attack");
    Latencies health = new Latencies("GET /healthz during the attack");
    Latencies posts = new Latencies("POST /api/v1/events (" + BATCH + " distinct values)");
    AtomicInteger seriesAtHalfTime = new AtomicInteger();
    try (InProcessServer server = new InProcessServer()) {
      int warmUp = 20 * BATCH;
      for (int from = 0; from < warmUp; from += BATCH) {
        post(server, attackBatch(from, BATCH, true), posts);
      }
      long heapBefore = Reports.usedHeapAfterGc();
      long started = System.nanoTime();

      ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
      try {
        List<Future<Void>> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
          int sender = s;
          senders.add(
              pool.submit(
                  () -> {
                    int batchNumber = 0;
                    for (int from = sender * BATCH; from < distinct; from += SENDERS * BATCH) {
                      int size = Math.min(BATCH, distinct - from);
                      post(server, attackBatch(warmUp + from, size, false), posts);
                      if (sender == 0 && batchNumber++ % 10 == 0) {
                        int series = answers(server, scrapes, health);
                        if (from >= distinct / 2 && seriesAtHalfTime.get() == 0) {
                          seriesAtHalfTime.set(series);
                        }
                      }
                    }
                    return null;
                  }));
        }
        for (Future<Void> sender : senders) {
          sender.get(10, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long heapAfter = Reports.usedHeapAfterGc();
      TextScrape scrape = server.scrape();

      long sent = warmUp + (long) distinct;
      Reports.write(
          "reliability-cardinality.md",
          String.format(
                  Locale.ROOT,
                  "## Cardinality attack%n%n%,d distinct label values (cache, tool and model names"
                      + " in turn) after a warm-up of %,d events, in %.1f s (%,.0f events/s).%n%n"
                      + "- series (sample lines) in the whole scrape: %d half-way through the"
                      + " attack, %d afterwards%n"
                      + "- %s series: %d, %s series: %d, %s series: %d%n"
                      + "- used heap after GC: %.1f MiB before, %.1f MiB after (growth %.1f MiB,"
                      + " bound %.0f MiB)%n%n",
                  distinct,
                  warmUp,
                  seconds,
                  distinct / seconds,
                  seriesAtHalfTime.get(),
                  scrape.size(),
                  CACHE,
                  scrape.of(CACHE).size(),
                  TOOL,
                  scrape.of(TOOL).size(),
                  LLM,
                  scrape.of(LLM).size(),
                  heapBefore / 1048576.0,
                  heapAfter / 1048576.0,
                  (heapAfter - heapBefore) / 1048576.0,
                  HEAP_BOUND / 1048576.0)
              + Latencies.header()
              + "\n"
              + posts.row()
              + "\n"
              + scrapes.row()
              + "\n"
              + health.row()
              + "\n");

      // Caps: cache 50 distinct names (+ _other) x hit/miss; tool and model 200 (+ _other).
      assertThat(scrape.of(CACHE)).hasSizeLessThanOrEqualTo(51 * 2);
      assertThat(scrape.of(TOOL)).hasSizeLessThanOrEqualTo(201);
      assertThat(scrape.of(LLM)).hasSizeLessThanOrEqualTo(201);
      // Once the caps are reached, the second half of the attack (500,000 new values or more)
      // adds no series; the few allowed are the server's own HTTP metrics.
      assertThat(seriesAtHalfTime.get()).isPositive();
      assertThat(scrape.size()).as("series in the whole scrape").isLessThan(20_000);
      assertThat(scrape.size() - seriesAtHalfTime.get())
          .as("series added by the second half of the attack")
          .isLessThan(20);
      assertThat(scrape.of(CACHE)).containsKey(CACHE + "{cache=\"_other\",result=\"miss\"}");
      // Totals: every event is counted, the excess under _other.
      assertThat(scrape.sum(CACHE)).isEqualTo(sentOf(0, sent));
      assertThat(scrape.sum(TOOL)).isEqualTo(sentOf(1, sent));
      assertThat(scrape.sum(LLM)).isEqualTo(sentOf(2, sent));
      assertThat(scrape.sum("agentmetrics_cardinality_overflow_total")).isPositive();
      // Bounded heap, and the server answered throughout.
      assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(HEAP_BOUND);
      assertThat(scrapes.count()).isPositive();
      assertThat(health.count()).isPositive();
    }
  }

  /** How many of events 0 to {@code sent - 1} had {@code index % 3 == vector}. */
  private static long sentOf(int vector, long sent) {
    return (sent - vector + 2) / 3;
  }

  private static void post(InProcessServer server, String body, Latencies posts)
      throws IOException {
    long start = System.nanoTime();
    HttpResponse<String> response = server.post(InProcessServer.NDJSON, body);
    posts.add(System.nanoTime() - start);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(response.body()).contains("\"rejected\":0");
  }

  /** Checks that the server answers; returns the number of series in the scrape. */
  private static int answers(InProcessServer server, Latencies scrapes, Latencies health)
      throws IOException {
    long start = System.nanoTime();
    assertThat(server.send(server.request("/healthz").GET().build()).statusCode()).isEqualTo(200);
    health.add(System.nanoTime() - start);
    start = System.nanoTime();
    TextScrape scrape = server.scrape();
    scrapes.add(System.nanoTime() - start);
    return scrape.size();
  }

  /**
   * Events {@code from} to {@code from + size - 1}: cache lookups, tool calls and LLM calls in
   * turn, each with its own never-seen label value (or the same value in the warm-up).
   */
  private static String attackBatch(int from, int size, boolean warmUp) {
    StringBuilder body = new StringBuilder(size * 140);
    for (int i = from; i < from + size; i++) {
      String value = warmUp ? "warm" : "atk-" + i;
      switch (i % 3) {
        case 0 ->
            body.append("{\"type\":\"cache\",\"cache\":\"")
                .append(value)
                .append("\",\"result\":\"miss\"}\n");
        case 1 ->
            body.append("{\"type\":\"tool_call\",\"agent\":\"attacked\",\"tool\":\"")
                .append(value)
                .append("\",\"duration_seconds\":0.01}\n");
        default ->
            body.append(
                    "{\"type\":\"llm_call\",\"provider\":\"openai\",\"agent\":\"attacked\",\"model\":\"")
                .append(value)
                .append("\",\"duration_seconds\":0.5,\"input_tokens\":10,\"output_tokens\":5}\n");
      }
    }
    return body.toString();
  }
}
