package io.agentmetrics.core;

import io.agentmetrics.api.MetricDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of any catalogue metric behind the same cache and cardinality guard as the facade's:
 * for code that records a catalogue metric the facade has no method for, such as the metrics
 * server's own HTTP and ingest counters. Label values are given in catalogue order.
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

  /** The counters of a catalogue counter metric. */
  public Family<Counter> counters(MetricDefinition metric) {
    return new Family<>(meters.counters(metric));
  }

  /** The timers of a catalogue timer metric. */
  public Family<Timer> timers(MetricDefinition metric) {
    return new Family<>(meters.timers(metric));
  }

  /** The distribution summaries of a catalogue summary metric. */
  public Family<DistributionSummary> summaries(MetricDefinition metric) {
    return new Family<>(meters.summaries(metric));
  }

  /**
   * The meters of one metric, one per label set.
   *
   * @param <M> the meter
   */
  public static final class Family<M> {
    private final MeterFamily<M> family;

    private Family(MeterFamily<M> family) {
      this.family = family;
    }

    /** The meter of these label values, in catalogue order; never throws. */
    public M get(String... labelValues) {
      return family.get(labelValues);
    }
  }
}
