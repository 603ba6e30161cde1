package io.agentmetrics.springai;

import io.micrometer.observation.Observation;
import java.util.Arrays;
import org.springframework.ai.chat.metadata.Usage;

/**
 * When each chunk of one streamed model call passed {@link ChunkTimingAdvisor}, and the usage of
 * the last chunk that carried one: the advisor puts a fresh clock in its own observation's context
 * for every pass through the chain, and the chat model observation under it finds the clock through
 * its parents when it stops.
 *
 * <p>The model's observation may stop before the advisor has seen the last chunks (Spring AI hands
 * the chunks to the advisor on another thread), so the handler does not read the clock then: it
 * asks to be called {@link #whenDone} the advisor's stream has ended, which is right by
 * construction, whichever of the two ends first.
 */
final class ChunkClock {

  static final String KEY = ChunkClock.class.getName();

  /** How far up a chat model observation looks for the advisor's: model, terminal advisor, ours. */
  private static final int MAX_DEPTH = 4;

  /** A stream longer than this keeps its first chunks' times only; the counts stay bounded. */
  static final int MAX_CHUNKS = 100_000;

  private long[] nanos = new long[16];
  private int count;
  private Usage usage;
  private boolean done;
  private Runnable then;

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

  /** A chunk carried {@code usage}: the last one is the call's (its cache tokens included). */
  synchronized void usage(Usage usage) {
    this.usage = usage;
  }

  /** The usage of the last chunk that carried one, or null. */
  synchronized Usage usage() {
    return usage;
  }

  /** The advisor's stream has ended (completed, failed or cancelled): runs what waits for it. */
  void finish() {
    Runnable waiting;
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      waiting = then;
      then = null;
    }
    if (waiting != null) {
      waiting.run();
    }
  }

  /** Runs {@code action} once the advisor's stream has ended: now if it has, else then. */
  void whenDone(Runnable action) {
    synchronized (this) {
      if (!done) {
        then = action;
        return;
      }
    }
    action.run();
  }

  /** The clock of the advisor pass that {@code context} (a chat model call) ran under, or null. */
  static ChunkClock above(Observation.Context context) {
    return Ancestors.nearest(context, KEY, MAX_DEPTH);
  }
}
