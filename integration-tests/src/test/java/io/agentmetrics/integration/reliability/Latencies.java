package io.agentmetrics.integration.reliability;

import java.util.Arrays;
import java.util.Locale;

/** Request latencies of one kind of request, and their percentiles. Thread-safe. */
final class Latencies {

  private final String name;
  private long[] nanos = new long[1024];
  private int count;

  Latencies(String name) {
    this.name = name;
  }

  synchronized void add(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code p}-th percentile (0..100) in milliseconds, nearest rank. */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
  }

  /** A Markdown table row: name, count, p50, p95, p99, max. */
  String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.2f | %.2f | %.2f | %.2f |",
        name,
        count(),
        percentileMillis(50),
        percentileMillis(95),
        percentileMillis(99),
        percentileMillis(100));
  }

  static String header() {
    return "| requests | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|";
  }
}
