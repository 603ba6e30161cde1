package io.agentmetrics.core;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * agentmetrics' own health counters: cardinality overflows and rejected recordings, by the
 * catalogue metric concerned. Also checks the numbers handed to the recorders.
 */
final class SelfMetrics implements GuardReporter {

  static final String NEGATIVE = "negative";
  static final String NOT_FINITE = "not_finite";
  static final String NULL_EVENT = "null_event";
  static final String INTERNAL = "internal";

  private final MeterFamily<Counter> overflows;
  private final MeterFamily<Counter> rejections;

  SelfMetrics(MeterRegistry registry, int seriesCap) {
    Meters meters = new Meters(registry, seriesCap, GuardReporter.NONE, null);
    this.overflows = meters.counters(MetricCatalogue.CARDINALITY_OVERFLOW);
    this.rejections = meters.counters(MetricCatalogue.RECORDINGS_REJECTED);
  }

  @Override
  public void overflow(String metric) {
    overflows.get(metric).increment();
  }

  @Override
  public void rejected(String metric, String reason) {
    rejections.get(metric, reason).increment();
  }

  /** Counts a rejected recording of {@code metric}; never throws. */
  void rejected(MetricDefinition metric, String reason) {
    try {
      rejected(metric.prometheusName(), reason);
    } catch (RuntimeException ignored) {
      // Nothing left to report to: the registry itself refuses our own counter.
    }
  }

  /**
   * Whether {@code value} may be recorded into {@code metric}: finite and not negative. Otherwise
   * the value is counted as rejected ({@code not_finite} or {@code negative}).
   */
  boolean accepts(MetricDefinition metric, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      rejected(metric, NOT_FINITE);
      return false;
    }
    if (value < 0) {
      rejected(metric, NEGATIVE);
      return false;
    }
    return true;
  }
}
