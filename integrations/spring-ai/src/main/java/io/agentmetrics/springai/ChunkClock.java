package io.agentmetrics.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import java.util.Arrays;

/**
 * When each chunk of one streamed model call passed {@link ChunkTimingAdvisor}: the advisor puts a
 * fresh clock in its own observation's context for every pass through the chain, and the chat model
 * observation under it finds the clock through its parents when it stops.
 */
final class ChunkClock {

  static final String KEY = ChunkClock.class.getName();

  /** How far up a chat model observation looks for the advisor's: model, terminal advisor, ours. */
  private static final int MAX_DEPTH = 4;

  /** A stream longer than this keeps its first chunks' times only; the counts stay bounded. */
  static final int MAX_CHUNKS = 100_000;

  private long[] nanos = new long[16];
  private int count;

  /** A chunk arrived at {@code now} (the facade's ticker). */
  synchronized void chunk(long now) {
    if (count == MAX_CHUNKS) {
      return;
    }
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = now;
  }

  /** The chunks' arrival times, oldest first. */
  synchronized long[] arrivals() {
    return Arrays.copyOf(nanos, count);
  }

  /** The clock of the advisor pass that {@code context} (a chat model call) ran under, or null. */
  static ChunkClock above(Observation.Context context) {
    ObservationView parent = context.getParentObservation();
    for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
      ChunkClock clock = parent.getContextView().get(KEY);
      if (clock != null) {
        return clock;
      }
      parent = parent.getContextView().getParentObservation();
    }
    return null;
  }
}
