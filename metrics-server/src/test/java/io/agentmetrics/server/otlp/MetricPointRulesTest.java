package io.agentmetrics.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.core.GuardedMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The rules for metric points, on a fake clock: cumulative streams turned into increments that are
 * never negative or doubled across a sender's restart, bounded and expiring; points of a service
 * that sends spans of the same calls within the grace are skipped, the others recorded.
 */
class MetricPointRulesTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long STARTED = 1_000 * SECOND; // the receiver's start, in Unix nanos
  private final AtomicLong clock = new AtomicLong();

  private static CumulativeStreams.Totals totals(long count, double sum, long... buckets) {
    return new CumulativeStreams.Totals(count, sum, buckets);
  }

  @Test
  void cumulativePointsCountTheirIncreaseAndARestartCountsFromZero() {
    CumulativeStreams streams = new CumulativeStreams(clock::get, STARTED);
    long start = STARTED + 5 * SECOND;

    assertThat(streams.increment("a", start, totals(2, 3.0, 1, 1)).count()).isEqualTo(2);
    CumulativeStreams.Totals next = streams.increment("a", start, totals(5, 9.0, 2, 3));
    assertThat(next.count()).isEqualTo(3);
    assertThat(next.sum()).isEqualTo(6.0);
    assertThat(next.buckets()).containsExactly(1, 2);
    // The same totals again: nothing new.
    assertThat(streams.increment("a", start, totals(5, 9.0, 2, 3)).count()).isZero();
    // The sender restarted: a new start time, smaller totals, counted whole, never negative.
    CumulativeStreams.Totals restarted =
        streams.increment("a", start + 60 * SECOND, totals(1, 0.5, 1, 0));
    assertThat(restarted.count()).isEqualTo(1);
    assertThat(restarted.sum()).isEqualTo(0.5);
  }

  @Test
  void aStreamOlderThanTheReceiverIsABaselineAndStreamsAreBoundedAndExpire() {
    CumulativeStreams streams = new CumulativeStreams(clock::get, STARTED);

    assertThat(streams.increment("old", STARTED - SECOND, totals(100, 50.0, 100)).count()).isZero();
    assertThat(streams.increment("old", STARTED - SECOND, totals(101, 51.0, 101)).count())
        .isEqualTo(1);

    for (int i = 0; i < OtlpLimits.MAX_CUMULATIVE_STREAMS + 10; i++) {
      streams.increment("s" + i, STARTED + SECOND, totals(1, 1.0, 1));
    }
    assertThat(streams.size()).isEqualTo(OtlpLimits.MAX_CUMULATIVE_STREAMS);
    clock.addAndGet(OtlpLimits.STREAM_TTL_NANOS + SECOND);
    streams.increment("fresh", STARTED + SECOND, totals(1, 1.0, 1));
    assertThat(streams.size()).isEqualTo(1);
  }

  @Test
  void pointsWaitForSpansOfTheirServiceThenAreRecordedOrSkipped() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OtlpCounters counters = new OtlpCounters(GuardedMeters.on(registry, 1000));
    SpanSources sources = new SpanSources(clock::get);
    PendingPoints pending =
        new PendingPoints(sources, counters, clock::get, OtlpLimits.SPAN_GRACE_NANOS);
    AtomicInteger recorded = new AtomicInteger();

    pending.hold("spans-later", recordings(3, recorded));
    pending.hold("metrics-only", recordings(2, recorded));
    clock.addAndGet(5 * SECOND);
    sources.sawInferenceSpans("spans-later"); // within the grace: its points are the same calls
    pending.flush();
    assertThat(recorded).hasValue(0); // still waiting

    clock.addAndGet(OtlpLimits.SPAN_GRACE_NANOS);
    pending.flush();
    assertThat(recorded).hasValue(2);
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains(
            "agentmetrics_otlp_items_total{result=\"recorded\",signal=\"metric_points\"} 2.0",
            "agentmetrics_otlp_items_total{result=\"skipped\",signal=\"metric_points\"} 3.0");
  }

  private static List<Runnable> recordings(int count, AtomicInteger recorded) {
    List<Runnable> recordings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      recordings.add(recorded::incrementAndGet);
    }
    return recordings;
  }
}
