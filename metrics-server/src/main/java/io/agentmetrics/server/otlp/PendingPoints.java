package io.agentmetrics.server.otlp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Where the metric points of a service not (yet) known to send GenAI spans wait, {@link
 * OtlpLimits#SPAN_GRACE_NANOS} from their arrival, before they are recorded: an SDK exports spans
 * in batches (every 5 s by default) and metrics on its own schedule, so the spans of the same calls
 * may arrive after their metrics. When the grace is over, points of a service that has sent spans
 * meanwhile are skipped, the others recorded. At most {@link OtlpLimits#MAX_PENDING_POINTS} wait;
 * beyond that, points are recorded at once.
 */
final class PendingPoints {

  /** The recordings of one resource's points, and what to record once they have run. */
  private record Batch(
      String service, List<Runnable> recordings, Runnable then, long arrivedNanos) {}

  private final SpanSources spanSources;
  private final OtlpCounters counters;
  private final LongSupplier nanoTime;
  private final long graceNanos;
  private final Deque<Batch> waiting = new ArrayDeque<>();
  private int points;

  PendingPoints(
      SpanSources spanSources, OtlpCounters counters, LongSupplier nanoTime, long graceNanos) {
    this.spanSources = spanSources;
    this.counters = counters;
    this.nanoTime = nanoTime;
    this.graceNanos = graceNanos;
  }

  /** Holds {@code recordings} (one per point) of {@code service} until its grace is over. */
  void hold(String service, List<Runnable> recordings) {
    hold(service, recordings, () -> {});
  }

  /**
   * Holds {@code recordings} (one per point) of {@code service} until its grace is over; {@code
   * then} runs after them when they are recorded (what the points add up to).
   */
  void hold(String service, List<Runnable> recordings, Runnable then) {
    if (recordings.isEmpty()) {
      return;
    }
    synchronized (this) {
      if (points + recordings.size() <= OtlpLimits.MAX_PENDING_POINTS) {
        waiting.add(new Batch(service, recordings, then, nanoTime.getAsLong()));
        points += recordings.size();
        return;
      }
    }
    decide(new Batch(service, recordings, then, 0));
  }

  /** Records or skips every batch whose grace is over. */
  void flush() {
    List<Batch> due = new ArrayList<>();
    synchronized (this) {
      long now = nanoTime.getAsLong();
      while (!waiting.isEmpty() && now - waiting.peekFirst().arrivedNanos() >= graceNanos) {
        Batch batch = waiting.pollFirst();
        points -= batch.recordings().size();
        due.add(batch);
      }
    }
    due.forEach(this::decide);
  }

  private void decide(Batch batch) {
    int count = batch.recordings().size();
    if (spanSources.sendsSpans(batch.service())) {
      counters.add("metric_points", "skipped", count);
      return;
    }
    batch.recordings().forEach(Runnable::run);
    batch.then().run();
    counters.add("metric_points", "recorded", count);
  }
}
