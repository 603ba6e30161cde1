package io.agentmetrics.core;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.Origin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs the registrations of our meters that fail. A Prometheus registry refuses a meter
 * whose name another meter (a framework's, or the application's own) already has with another type;
 * Micrometer then logs once and drops the values in silence. And where the registry would accept a
 * meter that breaks the scrape, {@link ForeignMeters} refuses it first. Each refused label set of
 * ours is counted in {@code agentmetrics_meter_registration_failed_total} and logged at WARN with
 * what to do. Refusals of other libraries' meters are left to them.
 */
final class RegistrationFailures {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationFailures.class);

  private final MeterFamily<Counter> failures;

  private RegistrationFailures(MeterRegistry registry, int seriesCap, GuardReporter reporter) {
    Meters meters = new Meters(registry, seriesCap, reporter, this);
    this.failures = meters.counters(MetricCatalogue.METER_REGISTRATION_FAILED);
  }

  /** Counts the failed registrations of our meters on {@code registry}, from now on. */
  static RegistrationFailures listen(
      MeterRegistry registry, int seriesCap, GuardReporter reporter) {
    RegistrationFailures listener = new RegistrationFailures(registry, seriesCap, reporter);
    registry
        .config()
        .onMeterRegistrationFailed(
            (id, reason) -> listener.failed(id.getName(), id.getTags(), reason));
    return listener;
  }

  /** Our meter of {@code metric} with {@code tags} was not registered, for {@code reason}. */
  void refused(MetricDefinition metric, Iterable<Tag> tags, String reason) {
    failed(metric.name(), tags, reason);
  }

  private void failed(String name, Object tags, String reason) {
    Optional<MetricDefinition> ours = MetricCatalogue.byName(name);
    if (ours.isEmpty()
        || ours.get().origin() == Origin.JVM
        || ours.get() == MetricCatalogue.METER_REGISTRATION_FAILED) {
      return;
    }
    try {
      failures.get(ours.get().prometheusName()).increment();
    } catch (RuntimeException e) {
      // The registry refuses our own counter too: the log line below is all that is left.
    }
    LOG.warn(
        "The meter {} {} was not registered: {}. Its values are not exported. The name is"
            + " agentmetrics' and another meter (a framework's or the application's own) uses it"
            + " with another type or other labels: rename or remove that meter, or keep it out"
            + " of this registry with a MeterFilter.",
        name,
        tags,
        reason,
        name);
  }
}
