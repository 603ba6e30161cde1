package io.agentmetrics.server.scrape;

import io.agentmetrics.server.scrape.MeterFamilies.Family;
import io.agentmetrics.server.scrape.MeterFamilies.Series;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@link MeterFamilies} as length-delimited {@code io.prometheus.client.MetricFamily}
 * protobuf messages, the fields client_java sets for Micrometer's meters (counters with their
 * created timestamp, histograms with cumulative buckets up to +Inf, summaries, a {@code _max} gauge
 * family beside every timer and summary). Each series' label pairs are encoded once. The field
 * numbers are those of Prometheus' {@code metrics.proto}.
 */
final class ProtobufExposition {

  private static final int GAUGE = 1;
  private static final int COUNTER = 0;
  private static final int SUMMARY = 2;
  private static final int HISTOGRAM = 4;

  /** Writes every family but the {@code foreign} ones into {@code out}. */
  void write(MeterFamilies families, Set<String> foreign, ByteSink out) {
    ByteSink family = new ByteSink(64 * 1024);
    ByteSink metric = new ByteSink(1024);
    ByteSink inner = new ByteSink(1024);
    ByteSink created = new ByteSink(64);
    for (Family f : families.families()) {
      Series[] series = f.series();
      if (series.length == 0 || foreign.contains(f.name)) {
        continue;
      }
      switch (f.kind) {
        case COUNTER -> {
          header(f.name + "_total", f.help, COUNTER, family);
          for (Series s : series) {
            metric.reset();
            metric.write(s.protobufLabels());
            inner.reset();
            fixed64(1, MeterFamilies.count(s.meter()), inner);
            timestamp(3, s.createdMillis(), created, inner);
            message(3, inner, metric);
            message(4, metric, family);
          }
        }
        case GAUGE -> {
          header(f.name, f.help, GAUGE, family);
          for (Series s : series) {
            gauge(s, MeterFamilies.value(s.meter()), metric, inner, family);
          }
        }
        case HISTOGRAM, SUMMARY -> distribution(f, series, family, metric, inner, out);
      }
      delimited(family, out);
    }
  }

  private void distribution(
      Family f, Series[] series, ByteSink family, ByteSink metric, ByteSink inner, ByteSink out) {
    boolean histogram = f.kind == MeterFamilies.Kind.HISTOGRAM;
    header(f.name, f.help, histogram ? HISTOGRAM : SUMMARY, family);
    double[] max = new double[series.length];
    ByteSink bucket = new ByteSink(64);
    for (int i = 0; i < series.length; i++) {
      Series s = series[i];
      boolean timer = MeterFamilies.isTimed(s.meter());
      HistogramSnapshot snapshot = MeterFamilies.snapshot(s.meter());
      metric.reset();
      metric.write(s.protobufLabels());
      inner.reset();
      varint(1, snapshot.count(), inner);
      fixed64(2, timer ? snapshot.total(TimeUnit.SECONDS) : snapshot.total(), inner);
      if (histogram) {
        for (CountAtBucket b : snapshot.histogramCounts()) {
          double le = timer ? b.bucket(TimeUnit.SECONDS) : b.bucket();
          if (le == Double.POSITIVE_INFINITY) {
            continue;
          }
          bucket.reset();
          varint(1, (long) b.count(), bucket);
          fixed64(2, le, bucket);
          message(3, bucket, inner);
        }
        bucket.reset();
        varint(1, snapshot.count(), bucket);
        fixed64(2, Double.POSITIVE_INFINITY, bucket);
        message(3, bucket, inner);
      }
      message(histogram ? 7 : 4, inner, metric);
      message(4, metric, family);
      max[i] = timer ? snapshot.max(TimeUnit.SECONDS) : snapshot.max();
    }
    delimited(family, out);
    header(f.name + "_max", f.help, GAUGE, family);
    for (int i = 0; i < series.length; i++) {
      gauge(series[i], max[i], metric, inner, family);
    }
  }

  private static void gauge(
      Series s, double value, ByteSink metric, ByteSink inner, ByteSink family) {
    metric.reset();
    metric.write(s.protobufLabels());
    inner.reset();
    fixed64(1, value, inner);
    message(2, inner, metric);
    message(4, metric, family);
  }

  private static void header(String name, String help, int type, ByteSink family) {
    family.reset();
    string(1, name, family);
    string(2, help, family);
    varint(3, type, family);
  }

  /** The family as one length-delimited message; empties {@code family}. */
  private static void delimited(ByteSink family, ByteSink out) {
    out.writeVarint(family.size());
    out.write(family);
    family.reset();
  }

  private static void timestamp(int field, long millis, ByteSink scratch, ByteSink out) {
    scratch.reset();
    varint(1, Math.floorDiv(millis, 1000), scratch);
    varint(2, Math.floorMod(millis, 1000) * 1_000_000L, scratch);
    message(field, scratch, out);
  }

  static void string(int field, String value, ByteSink out) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeVarint((long) field << 3 | 2);
    out.writeVarint(bytes.length);
    out.write(bytes);
  }

  static void message(int field, ByteSink message, ByteSink out) {
    out.writeVarint((long) field << 3 | 2);
    out.writeVarint(message.size());
    out.write(message);
  }

  private static void varint(int field, long value, ByteSink out) {
    out.writeVarint((long) field << 3);
    out.writeVarint(value);
  }

  private static void fixed64(int field, double value, ByteSink out) {
    out.writeVarint((long) field << 3 | 1);
    out.writeFixedDouble(value);
  }
}
