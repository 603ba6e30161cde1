package io.agentmetrics.core;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The guard's counters: cardinality overflows and rejected recordings, by the catalogue metric
 * concerned. The numbers handed to the recorders are checked by {@link ValueCheck}; refused meter
 * registrations are counted by {@link RegistrationFailures}.
 */
final class GuardCounters implements GuardReporter {

  private final MeterFamily<Counter> overflows;
  private final MeterFamily<Counter> rejections;

  GuardCounters(MeterRegistry registry, int seriesCap) {
    Meters meters = new Meters(registry, seriesCap, GuardReporter.NONE, null);
    this.overflows = meters.counters(MetricCatalogue.CARDINALITY_OVERFLOW);
    this.rejections = meters.counters(MetricCatalogue.RECORDINGS_REJECTED);
  }

  @Override
  public void overflow(String metric) {
    overflows.get(metric).increment();
  }

  @Override
  public void rejected(String metric, RejectReason reason) {
    rejections.get(metric, reason.label()).increment();
  }

  /** Counts a rejected recording of {@code metric}; never throws. */
  void rejected(MetricDefinition metric, RejectReason reason) {
    try {
      rejected(metric.prometheusName(), reason);
    } catch (RuntimeException ignored) {
      // Nothing left to report to: the registry itself refuses our own counter.
    }
  }
}
