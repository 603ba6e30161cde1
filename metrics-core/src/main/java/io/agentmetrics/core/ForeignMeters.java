package io.agentmetrics.core;

import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.MetricDefinition;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSupport;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a meter that is not ours under one of our names: another type, other tag keys, or (for
 * timers and summaries) another histogram shape. Micrometer's Prometheus registry accepts a timer
 * without buckets beside one with buckets under one name and then fails every scrape; so the first
 * label set of a metric looks for such a meter once, and the answer holds for the metric's life. A
 * meter registered after ours is reported by the registry itself ({@link RegistrationFailures}).
 */
final class ForeignMeters {

  private final MeterRegistry registry;
  private final MetricDefinition metric;
  private volatile String conflict;
  private volatile boolean checked;

  ForeignMeters(MeterRegistry registry, MetricDefinition metric) {
    this.registry = registry;
    this.metric = metric;
  }

  MetricDefinition metric() {
    return metric;
  }

  /** What another meter of this name differs in, or null when there is none. */
  String conflict() {
    if (!checked) {
      conflict = find();
      checked = true;
    }
    return conflict;
  }

  private String find() {
    Set<String> keys = new HashSet<>();
    for (LabelDefinition label : metric.labels()) {
      keys.add(label.key());
    }
    for (Meter meter : registry.find(metric.name()).meters()) {
      Set<String> theirs = new HashSet<>();
      for (Tag tag : meter.getId().getTagsAsIterable()) {
        theirs.add(tag.getKey());
      }
      if (!ofType(meter)) {
        return "a " + meter.getId().getType() + " already has this name";
      }
      if (!theirs.equals(keys)) {
        return "a meter with the tag keys " + theirs + " already has this name";
      }
      if (meter instanceof HistogramSupport histogram
          && (histogram.takeSnapshot().histogramCounts().length == 0)
              != metric.buckets().isEmpty()) {
        return "a meter with other histogram buckets already has this name";
      }
    }
    return null;
  }

  private boolean ofType(Meter meter) {
    return switch (metric.type()) {
      case TIMER -> meter instanceof Timer;
      case DISTRIBUTION_SUMMARY -> meter instanceof DistributionSummary;
      case COUNTER, COUNTER_WITHOUT_TOTAL -> meter.getId().getType() == Meter.Type.COUNTER;
      case GAUGE -> meter.getId().getType() == Meter.Type.GAUGE;
    };
  }
}
