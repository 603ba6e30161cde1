package io.agentmetrics.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.integration.support.InProcessServer;
import io.agentmetrics.integration.support.TextScrape;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Concurrent scrapers (every format, with and without gzip) while agents push events: every request
 * succeeds, every event is counted, and the latency percentiles are recorded in {@code
 * target/reliability-load.md}. CI size: 2 ingest threads x 150 batches of 200 events; the long
 * version ({@code -Dagentmetrics.reliability.long=true}) sends 10x as many.
 */
class ConcurrentLoadIT {

  private static final int INGEST_THREADS = 2;
  private static final int SCRAPE_THREADS = 2;
  private static final int BATCH = 200;
  private static final String[] ACCEPTS = {
    "text/plain; version=0.0.4; charset=utf-8",
    "application/openmetrics-text; version=1.0.0; charset=utf-8",
    "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"
  };

  @Test
  void scrapesAndIngestRunTogetherWithoutAnErrorAndEveryEventIsCounted() throws Exception {
    int batchesPerThread = Reports.longRun() ? 1500 : 150;
    Latencies ingest = new Latencies("POST /api/v1/events (" + BATCH + " events)");
    Latencies scrape = new Latencies("GET /metrics (text, OpenMetrics, protobuf; gzip or not)");
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicBoolean ingesting = new AtomicBoolean(true);
    long started = System.nanoTime();
    try (InProcessServer server = new InProcessServer()) {
      ExecutorService pool = Executors.newFixedThreadPool(INGEST_THREADS + SCRAPE_THREADS);
      try {
        List<Future<?>> agents = new ArrayList<>();
        for (int t = 0; t < INGEST_THREADS; t++) {
          int thread = t;
          agents.add(pool.submit(() -> ingest(server, thread, batchesPerThread, ingest, errors)));
        }
        List<Future<?>> scrapers = new ArrayList<>();
        for (int t = 0; t < SCRAPE_THREADS; t++) {
          int thread = t;
          scrapers.add(pool.submit(() -> scrape(server, thread, ingesting, scrape, errors)));
        }
        for (Future<?> agent : agents) {
          agent.get(5, TimeUnit.MINUTES);
        }
        ingesting.set(false);
        for (Future<?> scraper : scrapers) {
          scraper.get(1, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long events = (long) INGEST_THREADS * batchesPerThread * BATCH;
      TextScrape last = server.scrape();
      Reports.write(
          "reliability-load.md",
          String.format(
                  Locale.ROOT,
                  "## Concurrent scrapes and ingest%n%n%d ingest threads, %d scrape threads,"
                      + " %,d events in %.1f s (%,.0f events/s with the scrapers running),"
                      + " %d errors.%n%n",
                  INGEST_THREADS,
                  SCRAPE_THREADS,
                  events,
                  seconds,
                  events / seconds,
                  errors.size())
              + Latencies.header()
              + "\n"
              + ingest.row()
              + "\n"
              + scrape.row()
              + "\n");

      assertThat(errors).as("failed requests").isEmpty();
      assertThat(scrape.count()).as("scrapes done during the load").isGreaterThan(0);
      assertThat(
              last.sum(
                  "agentmetrics_ingest_events_total", key -> key.contains("result=\"accepted\"")))
          .isEqualTo(events);
      assertThat(last.sum("agent_cache_requests_total")).isEqualTo(events / 2);
      assertThat(last.sum("agent_messages_total")).isEqualTo(events / 2);
    }
  }

  private static Void ingest(
      InProcessServer server,
      int thread,
      int batches,
      Latencies latencies,
      ConcurrentLinkedQueue<String> errors) {
    byte[] body = batch(thread).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < batches; i++) {
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = server.post(InProcessServer.NDJSON, body);
        latencies.add(System.nanoTime() - start);
        if (response.statusCode() != 202
            || !response.body().startsWith("{\"accepted\":" + BATCH + ",\"rejected\":0")) {
          errors.add("ingest " + response.statusCode() + ": " + response.body());
        }
      } catch (Exception e) {
        errors.add("ingest failed: " + e);
      }
    }
    return null;
  }

  private static Void scrape(
      InProcessServer server,
      int thread,
      AtomicBoolean ingesting,
      Latencies latencies,
      ConcurrentLinkedQueue<String> errors) {
    // Bounded: at most 100,000 scrapes, and only while the agents are sending.
    for (int i = thread; i < 100_000 && ingesting.get(); i++) {
      HttpRequest.Builder request =
          server.request("/metrics").header("Accept", ACCEPTS[i % ACCEPTS.length]);
      if ((i / ACCEPTS.length) % 2 == 1) {
        request.header("Accept-Encoding", "gzip");
      }
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> response = server.sendForBytes(request.GET().build());
        latencies.add(System.nanoTime() - start);
        if (response.statusCode() != 200 || response.body().length == 0) {
          errors.add("scrape " + response.statusCode());
        }
      } catch (Exception e) {
        errors.add("scrape failed: " + e);
      }
    }
    return null;
  }

  /** Half cache lookups, half messages, with label values that repeat (bounded series). */
  private static String batch(int thread) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < BATCH; i++) {
      if (i % 2 == 0) {
        body.append("{\"type\":\"cache\",\"cache\":\"cache-")
            .append(i % 5)
            .append("\",\"result\":\"")
            .append(i % 4 == 0 ? "hit" : "miss")
            .append("\"}\n");
      } else {
        body.append("{\"type\":\"message\",\"agent\":\"agent-")
            .append(thread)
            .append("\",\"channel\":\"channel-")
            .append(i % 3)
            .append("\",\"direction\":\"inbound\"}\n");
      }
    }
    return body.toString();
  }
}
