package io.agentmetrics.server.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.core.SystemMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.LabelPair;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import io.prometheus.metrics.shaded.com_google_protobuf_4_35_0.Timestamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link FastScrape} against {@code PrometheusMeterRegistry.scrape()} of the same registry, in the
 * text format, OpenMetrics and protobuf: the same families (type and help) and the same series with
 * the same values, for catalogue meters (histograms with the catalogue's buckets, counters, gauges,
 * the overflow value), summaries, function counters, time gauges, label values and help that need
 * escaping, the JVM and system binders (whose values move between two scrapes: compared by series
 * only), long task timers, and the meters it leaves to client_java's writer family by family (a
 * function timer, client-side percentiles).
 */
class FastScrapeTest {

  private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0";
  private static final String PROTOBUF =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";
  private static final Set<String> MOVING =
      Set.of("jvm_", "process_", "system_", "disk_", "executor_", "logback_", "long_task_");

  @Test
  void writesWhatMicrometerWritesInBothTextFormats() throws IOException {
    PrometheusMeterRegistry registry = registry();
    FastScrape fast = new FastScrape(registry);

    for (String accept : List.of(TEXT, OPEN_METRICS)) {
      // JVM binders register meters late (a collector's first GC): compare scrapes between which
      // the registry did not change.
      String ours;
      Exposition expected;
      int attempts = 0;
      do {
        String before = registry.scrape(accept);
        ours = body(fast.scrape(accept, "").orElseThrow());
        expected = Exposition.parse(registry.scrape(accept));
        if (Exposition.parse(before).headers.equals(expected.headers)) {
          break;
        }
      } while (++attempts < 5);
      Exposition actual = Exposition.parse(ours);

      assertThat(actual.headers).as(accept + " HELP and TYPE lines").isEqualTo(expected.headers);
      assertThat(actual.series.keySet()).as(accept + " series").isEqualTo(expected.series.keySet());
      expected.series.forEach(
          (series, value) -> {
            if (MOVING.stream().noneMatch(series::startsWith)) {
              assertThat(actual.series.get(series)).as(accept + " " + series).isEqualTo(value);
            }
          });
      assertThat(ours.endsWith("# EOF\n")).isEqualTo(accept.equals(OPEN_METRICS));
      assertThat(ours)
          .contains("le=\"0.01\"", "le=\"+Inf\"", "_other", "\\\"quoted\\\"", "\\n", "NaN");
    }
  }

  @Test
  void writesWhatMicrometerWritesInProtobuf() throws IOException {
    PrometheusMeterRegistry registry = registry();
    FastScrape fast = new FastScrape(registry);
    Map<String, MetricFamily> expected;
    Map<String, MetricFamily> actual;
    int attempts = 0;
    do {
      Map<String, MetricFamily> before = families(scrape(registry));
      actual = families(bodyBytes(fast.scrape(PROTOBUF, "").orElseThrow()));
      expected = families(scrape(registry));
      if (before.keySet().equals(expected.keySet())) {
        break;
      }
    } while (++attempts < 5);

    assertThat(expected)
        .containsKeys("escaped_help_total", "gen_ai_client_inference_duration_seconds");
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String name : expected.keySet()) {
      MetricFamily theirs = expected.get(name);
      MetricFamily ours = actual.get(name);
      assertThat(ours.getHelp()).as(name).isEqualTo(theirs.getHelp());
      assertThat(ours.getType()).as(name).isEqualTo(theirs.getType());
      Map<List<LabelPair>, Metric> theirMetrics = byLabels(theirs);
      Map<List<LabelPair>, Metric> ourMetrics = byLabels(ours);
      assertThat(ourMetrics.keySet()).as(name).isEqualTo(theirMetrics.keySet());
      if (MOVING.stream().anyMatch(name::startsWith)) {
        continue;
      }
      theirMetrics.forEach(
          (labels, metric) -> {
            Metric mine = ourMetrics.get(labels);
            if (metric.hasCounter()) {
              // Micrometer takes the created time when it builds the counter, we when the
              // registry announces it: the same moment, give or take a few milliseconds.
              assertThat(
                      Math.abs(
                          seconds(mine.getCounter().getCreatedTimestamp())
                              - seconds(metric.getCounter().getCreatedTimestamp())))
                  .as(name + labels)
                  .isLessThan(1.0);
              mine =
                  mine.toBuilder()
                      .setCounter(mine.getCounter().toBuilder().clearCreatedTimestamp())
                      .build();
              metric =
                  metric.toBuilder()
                      .setCounter(metric.getCounter().toBuilder().clearCreatedTimestamp())
                      .build();
            }
            assertThat(mine).as(name + " " + labels).isEqualTo(metric);
          });
    }
  }

  @Test
  void leavesFilteredScrapesToClientJava() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("c").register(registry).increment();
    FastScrape fast = new FastScrape(registry);

    assertThat(fast.scrape(TEXT, "")).isPresent();
    assertThat(fast.scrape(null, null)).as("no Accept: text").isPresent();
    assertThat(fast.scrape(TEXT, "name[]=c_total")).isEmpty();
    assertThat(fast.scrape(PROTOBUF, "debug=text")).isEmpty();
  }

  @Test
  void leavesOnlyTheFamiliesItCannotWriteToClientJava() throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("c").register(registry).increment();
    FastScrape fast = new FastScrape(registry);

    Logger log = (Logger) LoggerFactory.getLogger(FastScrape.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    Level level = log.getLevel();
    log.setLevel(Level.INFO);
    try {
      Timer percentiles =
          Timer.builder("percentile.timer").publishPercentiles(0.5, 0.9).register(registry);
      percentiles.record(Duration.ofMillis(40));
      assertThat(fast.collectsForeignFamiliesAlone())
          .as("Micrometer's collectors read by family (else every scrape collects them all)")
          .isTrue();
      for (String accept : List.of(TEXT, OPEN_METRICS)) {
        String scrape = body(fast.scrape(accept, "").orElseThrow());
        assertThat(Exposition.parse(scrape).series.keySet())
            .as(accept)
            .isEqualTo(Exposition.parse(registry.scrape(accept)).series.keySet());
        assertThat(scrape.indexOf("# EOF")).isEqualTo(scrape.lastIndexOf("# EOF"));
      }
      assertThat(logged.list)
          .as("the slower writer is logged once, naming the meter")
          .singleElement()
          .extracting(ILoggingEvent::getFormattedMessage)
          .asString()
          .contains("percentile.timer (TIMER)", "client_java's slower writer");

      registry.remove(percentiles);
      String scrape = body(fast.scrape(TEXT, "").orElseThrow());
      assertThat(scrape).contains("c_total 1.0").doesNotContain("percentile_timer");
    } finally {
      log.setLevel(level);
      log.detachAppender(logged);
    }
  }

  @Test
  void metersRegisteredWhileItScrapesAppearWholeOrNotAtAll() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FastScrape fast = new FastScrape(registry);
    AtomicBoolean done = new AtomicBoolean();
    Thread registering =
        new Thread(
            () -> {
              for (int i = 0; i < 5000; i++) {
                Timer.builder("during.scrape")
                    .tag("i", Integer.toString(i))
                    .serviceLevelObjectives(Duration.ofMillis(10))
                    .register(registry)
                    .record(Duration.ofMillis(i % 20));
                Counter.builder("counter." + (i % 7)).tag("i", "" + i).register(registry);
              }
              done.set(true);
            });
    registering.start();
    int scrapes = 0;
    while (!done.get() || scrapes < 3) {
      Exposition scrape = Exposition.parse(body(fast.scrape(TEXT, "").orElseThrow()));
      // Every timer series seen is whole: its bucket, +Inf bucket, count, sum and max.
      long counts =
          scrape.series.keySet().stream()
              .filter(s -> s.startsWith("during_scrape_seconds_count"))
              .count();
      for (String series : List.of("during_scrape_seconds_sum", "during_scrape_seconds_max")) {
        assertThat(scrape.series.keySet().stream().filter(s -> s.startsWith(series + "{")).count())
            .isEqualTo(counts);
      }
      assertThat(
              scrape.series.keySet().stream()
                  .filter(s -> s.startsWith("during_scrape_seconds_bucket"))
                  .count())
          .isEqualTo(2 * counts);
      scrapes++;
    }
    registering.join();
    Exposition last = Exposition.parse(body(fast.scrape(TEXT, "").orElseThrow()));
    assertThat(last.series.keySet())
        .isEqualTo(Exposition.parse(registry.scrape(TEXT)).series.keySet());
  }

  /** The server's kinds of meters, and the awkward cases. */
  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SystemMetrics.bindTo(registry);
    AgentMetrics metrics = MicrometerAgentMetrics.builder(registry).seriesCap(3).build();
    for (int i = 0; i < 6; i++) {
      metrics.llmCall(
          LlmCall.builder("openai", "model-" + i) // past the cap of 3: the overflow value
              .agent("support-bot")
              .durationSeconds(0.0007 * (i + 1) * 1000)
              .tokens(100 * i, 7)
              .build());
    }
    Counter.builder("escaped.help")
        .description("Help with \\ a backslash, a \"quote\" and a\nnewline")
        .tag("path", "C:\\temp")
        .tag("quote", "a \"quoted\"\nline")
        .register(registry)
        .increment(12345678.25);
    FunctionCounter.builder("function.counter", new double[] {3}, a -> a[0]).register(registry);
    Gauge.builder("gauge.nan", () -> Double.NaN).register(registry);
    Gauge.builder("gauge.negative", () -> -0.5).register(registry);
    Gauge.builder("gauge.large", () -> 1.5e20).register(registry);
    Gauge.builder("gauge.small", () -> 1.25e-9).baseUnit("bytes").register(registry);
    TimeGauge.builder("time.gauge", registry, TimeUnit.MILLISECONDS, r -> 1500).register(registry);
    Timer.builder("summary.timer").register(registry).record(Duration.ofMillis(3));
    DistributionSummary summary =
        DistributionSummary.builder("histogram.summary")
            .serviceLevelObjectives(1, 10, 100)
            .register(registry);
    summary.record(5);
    summary.record(500);
    DistributionSummary.builder("plain.summary").register(registry).record(2.5);
    // Long task timers, with and without buckets (their values move: compared by series).
    LongTaskTimer.builder("long.task").tag("k", "v").register(registry).start();
    LongTaskTimer.builder("long.task.buckets")
        .serviceLevelObjectives(Duration.ofMinutes(1))
        .register(registry)
        .start();
    // Written by client_java's writer, family by family.
    FunctionTimer.builder("function.timer", new long[] {4}, a -> a[0], a -> 2.5, TimeUnit.SECONDS)
        .register(registry);
    Timer percentiles =
        Timer.builder("percentile.timer").publishPercentiles(0.5).register(registry);
    percentiles.record(Duration.ofMillis(40));
    return registry;
  }

  private static byte[] scrape(PrometheusMeterRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    registry.scrape(out, PROTOBUF);
    return out.toByteArray();
  }

  private static byte[] bodyBytes(FastScrape.Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    assertThat(out.size()).isEqualTo(body.length());
    return out.toByteArray();
  }

  private static Map<String, MetricFamily> families(byte[] delimited) throws IOException {
    Map<String, MetricFamily> families = new TreeMap<>();
    ByteArrayInputStream in = new ByteArrayInputStream(delimited);
    MetricFamily family;
    while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
      assertThat(families.put(family.getName(), family)).as("twice: " + family.getName()).isNull();
    }
    return families;
  }

  private static Map<List<LabelPair>, Metric> byLabels(MetricFamily family) {
    Map<List<LabelPair>, Metric> metrics = new LinkedHashMap<>();
    for (Metric metric : family.getMetricList()) {
      assertThat(metrics.put(metric.getLabelList(), metric)).isNull();
    }
    return metrics;
  }

  private static double seconds(Timestamp t) {
    return t.getSeconds() + t.getNanos() / 1e9;
  }

  private static String body(FastScrape.Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    assertThat(out.size()).isEqualTo(body.length());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A scrape read back: HELP/TYPE lines per family, and every series' value. */
  private record Exposition(Map<String, List<String>> headers, Map<String, String> series) {

    static Exposition parse(String text) {
      Map<String, List<String>> headers = new TreeMap<>();
      Map<String, String> series = new LinkedHashMap<>();
      for (String line : text.split("\n")) {
        if (line.isEmpty() || line.equals("# EOF")) {
          continue;
        }
        if (line.startsWith("# ")) {
          String[] parts = line.split(" ", 4);
          headers.computeIfAbsent(parts[2], k -> new ArrayList<>()).add(line);
          continue;
        }
        int space = line.lastIndexOf(' ');
        String name = line.substring(0, space);
        assertThat(series.put(name, line.substring(space + 1))).as("twice: " + name).isNull();
      }
      headers.values().forEach(list -> list.sort(null));
      return new Exposition(headers, series);
    }
  }
}
