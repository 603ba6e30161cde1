package io.agentmetrics.core;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of any catalogue metric behind the same cache and cardinality guard as the facade's:
 * for code that records a catalogue metric the facade has no method for, such as the metrics
 * server's own HTTP and ingest counters, through the metric's typed handle ({@code
 * MetricHandles.httpServerRequests(meters).httpMethod(..)...}).
 */
public final class GuardedMeters {

  private final Meters meters;

  GuardedMeters(Meters meters) {
    this.meters = meters;
  }

  /**
   * Guarded meters on {@code registry}, for code with no {@link MicrometerAgentMetrics} (whose
   * {@link MicrometerAgentMetrics#guardedMeters()} shares its counters).
   */
  public static GuardedMeters on(MeterRegistry registry, int seriesCap) {
    GuardCounters guard = new GuardCounters(registry, seriesCap);
    return new GuardedMeters(
        new Meters(
            registry, seriesCap, guard, RegistrationFailures.listen(registry, seriesCap, guard)));
  }

  /** The families behind these meters, for the generated handles ({@link MetricHandles}). */
  Meters meters() {
    return meters;
  }
}
