package io.agentmetrics.core;

import io.agentmetrics.api.MetricDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopDistributionSummary;
import io.micrometer.core.instrument.noop.NoopTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Makes the {@link MeterFamily} of a catalogue metric, and registers its Micrometer meter for one
 * label set: name, base unit, help text and histogram buckets come from the catalogue (service
 * level objectives, no percentile histogram). Meters are only registered the first time a label set
 * is seen.
 */
final class Meters {

  private final MeterRegistry registry;
  private final int seriesCap;
  private final GuardReporter reporter;
  private final RegistrationFailures failures;

  Meters(
      MeterRegistry registry,
      int seriesCap,
      GuardReporter reporter,
      RegistrationFailures failures) {
    this.registry = registry;
    this.seriesCap = seriesCap;
    this.reporter = reporter;
    this.failures = failures;
  }

  MeterFamily<Counter> counters(MetricDefinition metric) {
    ForeignMeters foreign = new ForeignMeters(registry, metric);
    return new MeterFamily<>(
        metric,
        seriesCap,
        tags -> refused(foreign, tags) ? new NoopCounter(id(metric, tags)) : counter(metric, tags),
        new NoopCounter(id(metric, Tags.empty())),
        reporter);
  }

  MeterFamily<Timer> timers(MetricDefinition metric) {
    ForeignMeters foreign = new ForeignMeters(registry, metric);
    return new MeterFamily<>(
        metric,
        seriesCap,
        tags -> refused(foreign, tags) ? new NoopTimer(id(metric, tags)) : timer(metric, tags),
        new NoopTimer(id(metric, Tags.empty())),
        reporter);
  }

  MeterFamily<DistributionSummary> summaries(MetricDefinition metric) {
    ForeignMeters foreign = new ForeignMeters(registry, metric);
    return new MeterFamily<>(
        metric,
        seriesCap,
        tags ->
            refused(foreign, tags)
                ? new NoopDistributionSummary(id(metric, tags))
                : summary(metric, tags),
        new NoopDistributionSummary(id(metric, Tags.empty())),
        reporter);
  }

  /**
   * Whether this label set must not be registered because another meter already holds the name in
   * another shape: registering beside it would make every scrape of a Prometheus registry fail
   * (Micrometer mixes the two into one family). Counted and logged by {@link RegistrationFailures}.
   */
  private boolean refused(ForeignMeters foreign, Tags tags) {
    String conflict = foreign.conflict();
    if (conflict == null) {
      return false;
    }
    if (failures != null) {
      failures.refused(foreign.metric(), tags, conflict);
    }
    return true;
  }

  private static Meter.Id id(MetricDefinition metric, Tags tags) {
    Meter.Type type =
        switch (metric.type()) {
          case COUNTER, COUNTER_WITHOUT_TOTAL -> Meter.Type.COUNTER;
          case TIMER -> Meter.Type.TIMER;
          case DISTRIBUTION_SUMMARY -> Meter.Type.DISTRIBUTION_SUMMARY;
          case GAUGE -> Meter.Type.GAUGE;
        };
    return new Meter.Id(metric.name(), tags, metric.baseUnit(), metric.help(), type);
  }

  MeterFamily<AtomicLong> longGauges(MetricDefinition metric) {
    return new MeterFamily<>(
        metric,
        seriesCap,
        tags -> gauge(metric, tags, new AtomicLong(), AtomicLong::doubleValue),
        new AtomicLong(),
        reporter);
  }

  MeterFamily<AtomicReference<Double>> doubleGauges(MetricDefinition metric) {
    return new MeterFamily<>(
        metric,
        seriesCap,
        tags -> gauge(metric, tags, new AtomicReference<>(0.0), AtomicReference::get),
        new AtomicReference<>(0.0),
        reporter);
  }

  /**
   * In-flight reports: each label set registers two gauges reading one {@link InFlightReport},
   * {@code count} (labels of {@code count}) and {@code timestamp} (the same labels).
   */
  MeterFamily<InFlightReport> inFlightReports(
      MetricDefinition count, MetricDefinition timestamp, Duration expiry) {
    LongSupplier wallClock = () -> registry.config().clock().wallTime();
    long expiryMillis = expiry.toMillis();
    return new MeterFamily<>(
        count,
        seriesCap,
        tags -> {
          InFlightReport report = new InFlightReport(wallClock, expiryMillis);
          gauge(timestamp, tags, report, InFlightReport::reportedAtSeconds);
          return gauge(count, tags, report, InFlightReport::count);
        },
        new InFlightReport(wallClock, expiryMillis),
        reporter);
  }

  private Counter counter(MetricDefinition metric, Tags tags) {
    return Counter.builder(metric.name())
        .description(metric.help())
        .baseUnit(metric.baseUnit())
        .tags(tags)
        .register(registry);
  }

  private Timer timer(MetricDefinition metric, Tags tags) {
    return Timer.builder(metric.name())
        .description(metric.help())
        .tags(tags)
        .publishPercentileHistogram(false)
        .serviceLevelObjectives(durations(metric.buckets()))
        .register(registry);
  }

  private DistributionSummary summary(MetricDefinition metric, Tags tags) {
    return DistributionSummary.builder(metric.name())
        .description(metric.help())
        .baseUnit(metric.baseUnit())
        .tags(tags)
        .publishPercentileHistogram(false)
        .serviceLevelObjectives(doubles(metric.buckets()))
        .register(registry);
  }

  /** Registers a gauge reading {@code holder}, which the caller keeps and updates. */
  private <T> T gauge(MetricDefinition metric, Tags tags, T holder, ToDoubleFunction<T> value) {
    Gauge.builder(metric.name(), holder, value)
        .description(metric.help())
        .baseUnit(metric.baseUnit())
        .tags(tags)
        .strongReference(true)
        .register(registry);
    return holder;
  }

  private static Duration[] durations(List<Double> seconds) {
    Duration[] out = new Duration[seconds.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Duration.ofNanos(Math.round(seconds.get(i) * 1e9));
    }
    return out;
  }

  private static double[] doubles(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
