package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.core.IntegrationGuard;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * What the bridge's handlers share: the start reading of the facade's ticker is kept in the
 * observation's context, and {@link #onStop} records with the seconds since, guarded so that
 * nothing is thrown into Spring AI.
 */
abstract class TimedHandler<C extends Observation.Context> implements ObservationHandler<C> {

  private static final String START = TimedHandler.class.getName() + ".start";

  final AgentMetrics metrics;
  final Attribution attribution;
  final IntegrationGuard failures;
  private final Class<C> type;
  private final String what;

  TimedHandler(
      AgentMetrics metrics,
      Attribution attribution,
      IntegrationGuard failures,
      Class<C> type,
      String what) {
    this.metrics = metrics;
    this.attribution = attribution;
    this.failures = failures;
    this.type = type;
    this.what = what;
  }

  @Override
  public final boolean supportsContext(Observation.Context context) {
    return type.isInstance(context);
  }

  @Override
  public final void onStart(C context) {
    failures.guard(
        what,
        () -> {
          context.put(START, metrics.ticker().nanos());
          started(context);
        });
  }

  /** What a handler does when its observation starts, beyond keeping the start reading. */
  void started(C context) {}

  @Override
  public final void onStop(C context) {
    failures.guard(
        what,
        () -> {
          Long start = context.get(START);
          if (start != null) {
            record(context, start, metrics.ticker().secondsSince(start));
          }
        });
  }

  /**
   * Records the observation that started at {@code startNanos} (the facade's ticker) and took
   * {@code seconds}; {@code context.getError()} when failed.
   */
  abstract void record(C context, long startNanos, double seconds);
}
