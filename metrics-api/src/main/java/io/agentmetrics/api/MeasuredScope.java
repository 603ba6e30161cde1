package io.agentmetrics.api;

/**
 * What the recording scopes share: the facade, the start reading of its {@link Ticker}, and a
 * {@link #close()} that records once with the seconds since the start.
 */
abstract class MeasuredScope implements AutoCloseable {

  final AgentMetrics metrics;
  final long startNanos;
  private boolean closed;

  MeasuredScope(AgentMetrics metrics) {
    this.metrics = metrics;
    this.startNanos = metrics.ticker().nanos();
  }

  /** Records the measured event; later calls do nothing. */
  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    record(metrics.ticker().secondsSince(startNanos));
  }

  /** Records the event that took {@code seconds}. */
  abstract void record(double seconds);
}
