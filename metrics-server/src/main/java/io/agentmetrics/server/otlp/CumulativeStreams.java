package io.agentmetrics.server.otlp;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Turns cumulative OTLP histogram points into increments: the last point of each stream is kept (at
 * most {@link OtlpLimits#MAX_CUMULATIVE_STREAMS}, each forgotten {@link
 * OtlpLimits#STREAM_TTL_NANOS} after it was last seen), and the next point yields the difference.
 *
 * <ul>
 *   <li>A stream seen for the first time counts whole when it started after this receiver did, and
 *       is only a baseline when it started before (what it counted earlier was never ours to
 *       count).
 *   <li>A point with another start time, or with fewer observations than the last, is a restarted
 *       client: it counts whole, from zero, never as a negative or doubled increment.
 * </ul>
 */
final class CumulativeStreams {

  /** A histogram point's totals. */
  record Totals(long count, double sum, long[] buckets) {
    boolean isEmpty() {
      return count == 0;
    }
  }

  private record Last(long startNanos, Totals totals, long seenNanos) {}

  private final LongSupplier nanoTime;
  private final long startedUnixNanos;
  private final Map<String, Last> streams = new LinkedHashMap<>(256, 0.75f, true);

  /** Streams that started after {@code startedUnixNanos} count from zero. */
  CumulativeStreams(LongSupplier nanoTime, long startedUnixNanos) {
    this.nanoTime = nanoTime;
    this.startedUnixNanos = startedUnixNanos;
  }

  /** The increment that {@code current} (of a stream that started at {@code startNanos}) adds. */
  synchronized Totals increment(String stream, long startNanos, Totals current) {
    long now = nanoTime.getAsLong();
    expire(now);
    Last last = streams.put(stream, new Last(startNanos, current, now));
    if (streams.size() > OtlpLimits.MAX_CUMULATIVE_STREAMS) {
      Iterator<String> eldest = streams.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    if (last == null) {
      boolean newSinceUs =
          startNanos != 0 && Long.compareUnsigned(startNanos, startedUnixNanos) >= 0;
      return newSinceUs ? current : new Totals(0, 0, new long[current.buckets().length]);
    }
    Totals before = last.totals();
    if (last.startNanos() != startNanos
        || current.count() < before.count()
        || current.buckets().length != before.buckets().length) {
      return current;
    }
    long[] buckets = new long[current.buckets().length];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = current.buckets()[i] - before.buckets()[i];
      if (buckets[i] < 0) {
        return current;
      }
    }
    return new Totals(
        current.count() - before.count(), Math.max(0, current.sum() - before.sum()), buckets);
  }

  /** How many streams are remembered. */
  synchronized int size() {
    return streams.size();
  }

  private void expire(long now) {
    Iterator<Last> oldest = streams.values().iterator();
    while (oldest.hasNext()) {
      if (now - oldest.next().seenNanos() <= OtlpLimits.STREAM_TTL_NANOS) {
        return; // access order: the rest were seen later
      }
      oldest.remove();
    }
  }

  @Override
  public synchronized String toString() {
    return "CumulativeStreams" + Arrays.toString(streams.keySet().toArray());
  }
}
