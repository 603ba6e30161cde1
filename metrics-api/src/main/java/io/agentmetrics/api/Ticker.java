package io.agentmetrics.api;

/**
 * A monotonic clock in nanoseconds, read by the recording scopes ({@link RunScope}, {@link
 * LlmCallScope}, {@link ToolCallScope}, {@link TaskScope}). {@link #SYSTEM} reads {@link
 * System#nanoTime()}; tests pass their own.
 */
@FunctionalInterface
public interface Ticker {

  /** {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  /** The current reading, in nanoseconds from an arbitrary origin. */
  long nanos();

  /** Seconds from {@code startNanos} to now, never negative. */
  default double secondsSince(long startNanos) {
    return Math.max(0, nanos() - startNanos) / 1e9;
  }
}
