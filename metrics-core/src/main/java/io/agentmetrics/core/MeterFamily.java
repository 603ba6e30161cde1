package io.agentmetrics.core;

import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.RejectReason;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;

/**
 * The meters of one catalogue metric, one per label set, with the cardinality guard in front, and
 * the one place where recording meets code that is not ours (the registry and its meter filters):
 * whatever fails there is counted as {@code internal} and answered with a meter that records
 * nowhere, so no recording ever throws into the caller.
 *
 * <p>There is one cache: a {@link SeriesIndex} from label values to meters, looked up without
 * allocating. It holds the label sets accepted as they are and the guarded label sets (with {@link
 * LabelPolicy#OVERFLOW_VALUE} in place of refused values); a refused raw value is never a key, so
 * hostile values cannot grow it. A new label set is checked label by label: a value outside its
 * {@link LabelPolicy} becomes the overflow value and is reported as {@code invalid_label}; a
 * free-text value past the label's distinct-value cap, or a new series past the metric's series
 * cap, becomes the overflow value and is reported as an overflow. Past the series cap every
 * free-text label is replaced by the overflow value while closed-set labels, well-known values and
 * the empty value (an absent label, e.g. {@code error.type} on success) keep theirs: all bounded by
 * definition, so totals and error ratios stay correct.
 *
 * @param <M> the meter, or the value holder of a gauge
 */
final class MeterFamily<M> {

  private final MetricDefinition metric;
  private final String metricName;
  private final List<LabelDefinition> labels;
  private final DistinctValues[] distinct;
  private final int seriesCap;
  private int series; // guarded by this
  private final SeriesIndex<M> index = new SeriesIndex<>();
  private final Function<Tags, M> factory;
  private final M fallback;
  private final GuardReporter reporter;

  /**
   * @param factory registers the meter of one label set
   * @param fallback a meter that records nowhere, answered when registering fails
   */
  MeterFamily(
      MetricDefinition metric,
      int seriesCap,
      Function<Tags, M> factory,
      M fallback,
      GuardReporter reporter) {
    this.metric = metric;
    this.metricName = metric.prometheusName();
    this.labels = metric.labels();
    this.seriesCap = seriesCap;
    this.factory = factory;
    this.fallback = fallback;
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
    M meter = index.get(a);
    return meter != null ? meter : resolve(new String[] {a});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b) {
    M meter = index.get(a, b);
    return meter != null ? meter : resolve(new String[] {a, b});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c) {
    M meter = index.get(a, b, c);
    return meter != null ? meter : resolve(new String[] {a, b, c});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c, String d) {
    M meter = index.get(a, b, c, d);
    return meter != null ? meter : resolve(new String[] {a, b, c, d});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c, String d, String e) {
    M meter = index.get(a, b, c, d, e);
    return meter != null ? meter : resolve(new String[] {a, b, c, d, e});
  }

  /** The meter for these label values, in catalogue order. */
  M get(String a, String b, String c, String d, String e, String f) {
    M meter = index.get(a, b, c, d, e, f);
    return meter != null ? meter : resolve(new String[] {a, b, c, d, e, f});
  }

  /** The meter for these label values, in catalogue order; the array is kept, not copied. */
  M get(String... values) {
    M meter = index.get(values);
    return meter != null ? meter : resolve(values);
  }

  /** The slow path of a label set not in the index; never throws. */
  private M resolve(String[] raw) {
    try {
      if (raw.length != labels.size()) {
        throw new IllegalStateException(
            metricName + " has " + labels.size() + " labels, got " + raw.length);
      }
      String[] values = raw.clone();
      boolean replaced = false;
      boolean overflowed = false;
      for (int i = 0; i < values.length; i++) {
        LabelPolicy policy = labels.get(i).policy();
        if (!policy.allows(values[i])) {
          reporter.rejected(metricName, RejectReason.INVALID_LABEL);
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
      M meter = index.get(values);
      if (meter == null) {
        meter = createUnderCap(values);
      }
      if (meter == null) {
        overflowed = true;
        meter = createIfAbsent(overflowKey(values));
      }
      if (overflowed) {
        reporter.overflow(metricName);
      } else if (replaced) {
        // The guarded key is indexed; the refused raw values are not.
      } else if (index.get(raw) == null) {
        index.put(raw, meter);
      }
      return meter;
    } catch (RuntimeException e) {
      reporter.rejected(metricName, RejectReason.INTERNAL);
      return fallback;
    }
  }

  private String[] overflowKey(String[] values) {
    String[] overflow = values.clone();
    for (int i = 0; i < overflow.length; i++) {
      if (distinct[i] != null && !keepsPastCaps(i, overflow[i])) {
        overflow[i] = LabelPolicy.OVERFLOW_VALUE;
      }
    }
    return overflow;
  }

  /** Whether a value is bounded by definition: empty (absent) or well-known. */
  private boolean keepsPastCaps(int label, String value) {
    return value.isEmpty() || labels.get(label).policy().allowedValues().contains(value);
  }

  /** The meter of a new series when the series cap allows one more, else null. */
  private synchronized M createUnderCap(String[] key) {
    M meter = index.get(key);
    if (meter != null) {
      return meter;
    }
    if (series >= seriesCap) {
      return null;
    }
    meter = create(key);
    series++;
    return meter;
  }

  /** The meter of an overflow series, created whatever the cap: their number is bounded. */
  private synchronized M createIfAbsent(String[] key) {
    M meter = index.get(key);
    return meter != null ? meter : create(key);
  }

  /** Registers the meter of {@code key} and indexes it; called holding the lock. */
  private M create(String[] key) {
    String[] tags = new String[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      tags[2 * i] = labels.get(i).key();
      tags[2 * i + 1] = key[i];
    }
    M meter = factory.apply(Tags.of(tags));
    index.put(key, meter);
    return meter;
  }
}
