package io.agentmetrics.core;

import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.MetricDefinition;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The meters of one catalogue metric, one per label set, with the cardinality guard in front.
 *
 * <p>The hot path is one lookup in a {@link SeriesIndex} by the raw label values, which allocates
 * nothing: only label sets whose values were all accepted as they are get indexed, so a seen label
 * set never builds a key, {@link Tags} or a Micrometer builder again. A new label set is checked
 * label by label: a value outside its {@link LabelPolicy} becomes {@link
 * LabelPolicy#OVERFLOW_VALUE} and is reported as {@code invalid_label}; a free-text value past the
 * label's distinct-value cap, or a new series past the metric's series cap, becomes the overflow
 * value and is reported as an overflow. Past the series cap every free-text label is replaced by
 * the overflow value while closed-set labels, well-known values and the empty value (an absent
 * label, e.g. {@code error.type} on success) keep theirs: all bounded by definition, so totals and
 * error ratios stay correct.
 *
 * @param <M> the meter, or the value holder of a gauge
 */
final class MeterFamily<M> {

  private final MetricDefinition metric;
  private final String metricName;
  private final List<LabelDefinition> labels;
  private final DistinctValues[] distinct;
  private final int seriesCap;
  private final AtomicInteger series = new AtomicInteger();
  private final Map<LabelKey, M> meters = new ConcurrentHashMap<>();
  private final SeriesIndex<M> seen = new SeriesIndex<>();
  private final Function<Tags, M> factory;
  private final GuardReporter reporter;

  MeterFamily(
      MetricDefinition metric, int seriesCap, Function<Tags, M> factory, GuardReporter reporter) {
    this.metric = metric;
    this.metricName = metric.prometheusName();
    this.labels = metric.labels();
    this.seriesCap = seriesCap;
    this.factory = factory;
    this.reporter = reporter;
    this.distinct = new DistinctValues[labels.size()];
    for (int i = 0; i < distinct.length; i++) {
      LabelPolicy policy = labels.get(i).policy();
      distinct[i] = policy.isClosed() ? null : new DistinctValues(policy.maxDistinctValues());
    }
  }

  /** The catalogue metric. */
  MetricDefinition metric() {
    return metric;
  }

  /** The meter for this label value: no allocation once the label set has been seen. */
  M get(String a) {
    M meter = seen.get(a);
    return meter != null ? meter : resolve(new String[] {a});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b) {
    M meter = seen.get(a, b);
    return meter != null ? meter : resolve(new String[] {a, b});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c) {
    M meter = seen.get(a, b, c);
    return meter != null ? meter : resolve(new String[] {a, b, c});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c, String d) {
    M meter = seen.get(a, b, c, d);
    return meter != null ? meter : resolve(new String[] {a, b, c, d});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c, String d, String e) {
    M meter = seen.get(a, b, c, d, e);
    return meter != null ? meter : resolve(new String[] {a, b, c, d, e});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c, String d, String e, String f) {
    M meter = seen.get(a, b, c, d, e, f);
    return meter != null ? meter : resolve(new String[] {a, b, c, d, e, f});
  }

  /** The meter for these label values, in catalogue order; the array is kept, not copied. */
  M get(String... values) {
    M meter = seen.get(values);
    return meter != null ? meter : resolve(values);
  }

  private M resolve(String[] rawValues) {
    LabelKey raw = new LabelKey(rawValues);
    if (raw.size() != labels.size()) {
      throw new IllegalStateException(
          metricName + " has " + labels.size() + " labels, got " + raw.size());
    }
    String[] values = raw.copyValues();
    boolean replaced = false;
    boolean overflowed = false;
    for (int i = 0; i < values.length; i++) {
      LabelPolicy policy = labels.get(i).policy();
      if (!policy.allows(values[i])) {
        reporter.rejected(metricName, "invalid_label");
        values[i] = LabelPolicy.OVERFLOW_VALUE;
        replaced = true;
      } else if (distinct[i] != null
          && !keepsPastCaps(i, values[i])
          && !LabelPolicy.OVERFLOW_VALUE.equals(values[i])
          && !distinct[i].admit(values[i])) {
        values[i] = LabelPolicy.OVERFLOW_VALUE;
        replaced = true;
        overflowed = true;
      }
    }
    LabelKey key = replaced ? new LabelKey(values) : raw;
    M meter = meters.get(key);
    if (meter == null) {
      meter = meters.computeIfAbsent(key, this::createUnderCap);
    }
    if (meter == null) {
      overflowed = true;
      meter = meters.computeIfAbsent(overflowKey(values), this::create);
    }
    if (overflowed) {
      reporter.overflow(metricName);
    } else if (!replaced) {
      seen.put(rawValues, meter);
    }
    return meter;
  }

  private LabelKey overflowKey(String[] values) {
    String[] overflow = values.clone();
    for (int i = 0; i < overflow.length; i++) {
      if (distinct[i] != null && !keepsPastCaps(i, overflow[i])) {
        overflow[i] = LabelPolicy.OVERFLOW_VALUE;
      }
    }
    return new LabelKey(overflow);
  }

  /** Whether a value is bounded by definition: empty (absent) or well-known. */
  private boolean keepsPastCaps(int label, String value) {
    return value.isEmpty() || labels.get(label).policy().allowedValues().contains(value);
  }

  /** Creates the meter when the series cap allows one more series, else returns null. */
  private M createUnderCap(LabelKey key) {
    int current;
    do {
      current = series.get();
      if (current >= seriesCap) {
        return null;
      }
    } while (!series.compareAndSet(current, current + 1));
    try {
      return create(key);
    } catch (RuntimeException e) {
      series.decrementAndGet();
      throw e;
    }
  }

  private M create(LabelKey key) {
    String[] tags = new String[key.size() * 2];
    for (int i = 0; i < key.size(); i++) {
      tags[2 * i] = labels.get(i).key();
      tags[2 * i + 1] = key.value(i);
    }
    return factory.apply(Tags.of(tags));
  }
}
