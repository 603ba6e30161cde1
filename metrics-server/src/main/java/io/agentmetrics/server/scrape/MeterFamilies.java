package io.agentmetrics.server.scrape;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.HistogramSupport;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The meters of a {@link PrometheusMeterRegistry} grouped into exposition families, each series'
 * name-and-labels bytes encoded once when the meter is registered, kept current by the registry's
 * add and remove listeners. A scrape then writes only values ({@link TextExposition}). The families
 * of meters this class does not know how to expose exactly as Micrometer does (long task timers,
 * function timers, percentiles, custom meters, a name registered with two kinds) are foreign:
 * {@link FastScrape} has client_java write those families alone.
 */
final class MeterFamilies {

  /** The kinds of family Micrometer's Prometheus registry exposes. */
  enum Kind {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    SUMMARY
  }

  private final NamingConvention convention;
  private final Clock clock;
  private final ConcurrentSkipListMap<String, Family> families = new ConcurrentSkipListMap<>();
  private final Set<Meter> unsupported = ConcurrentHashMap.newKeySet();
  // Family name -> how many of its meters are unsupported; a family in here is written by
  // client_java whole, never by this class.
  private final ConcurrentHashMap<String, Integer> foreign = new ConcurrentHashMap<>();

  MeterFamilies(PrometheusMeterRegistry registry) {
    this.convention = registry.config().namingConvention();
    this.clock = registry.config().clock();
    registry.config().onMeterAdded(this::add);
    registry.config().onMeterRemoved(this::remove);
    registry.getMeters().forEach(this::add);
  }

  /** The names of the families left to client_java, as of now. */
  Set<String> foreignNames() {
    return Set.copyOf(foreign.keySet());
  }

  /** One meter that keeps scrapes on client_java's path, named for a log line; empty if none. */
  String unsupportedExample() {
    for (Meter meter : unsupported) {
      return meter.getId().getName() + " (" + meter.getId().getType() + ")";
    }
    return "";
  }

  /** The families in name order. */
  Iterable<Family> families() {
    return families.values();
  }

  private void add(Meter meter) {
    Kind kind = kind(meter);
    String name = meter.getId().getConventionName(convention);
    if (kind == null) {
      markUnsupported(meter, name);
      return;
    }
    Family family =
        families.computeIfAbsent(name, n -> new Family(n, kind, meter.getId().getDescription()));
    if (family.kind != kind) {
      markUnsupported(meter, name);
      return;
    }
    List<Tag> tags = meter.getId().getConventionTags(convention);
    family.add(new Series(meter, labels(tags), protobufLabels(tags), clock.wallTime()));
  }

  private void markUnsupported(Meter meter, String name) {
    if (unsupported.add(meter)) {
      foreign.merge(name, 1, Integer::sum);
    }
  }

  private void remove(Meter meter) {
    String name = meter.getId().getConventionName(convention);
    if (unsupported.remove(meter)) {
      foreign.computeIfPresent(name, (n, count) -> count == 1 ? null : count - 1);
      return;
    }
    Family family = families.get(name);
    if (family != null) {
      family.remove(meter);
    }
  }

  private static Kind kind(Meter meter) {
    if (meter instanceof Counter || meter instanceof FunctionCounter) {
      return Kind.COUNTER;
    }
    if (meter instanceof Gauge || meter instanceof TimeGauge) {
      return Kind.GAUGE;
    }
    if (meter instanceof Timer timer) {
      return distribution(timer.takeSnapshot());
    }
    if (meter instanceof DistributionSummary summary) {
      return distribution(summary.takeSnapshot());
    }
    if (meter instanceof LongTaskTimer longTask) {
      // With buckets Micrometer exposes a gauge histogram: not written here.
      Kind kind = distribution(longTask.takeSnapshot());
      return kind == Kind.SUMMARY ? kind : null;
    }
    return null;
  }

  private static Kind distribution(HistogramSnapshot s) {
    if (s.percentileValues().length > 0) {
      return null; // quantiles: not written here
    }
    return s.histogramCounts().length > 0 ? Kind.HISTOGRAM : Kind.SUMMARY;
  }

  /** A counter's or function counter's count. */
  static double count(Meter meter) {
    return meter instanceof Counter c ? c.count() : ((FunctionCounter) meter).count();
  }

  /** A gauge's value (a time gauge's in seconds, the registry's base time unit). */
  static double value(Meter meter) {
    return meter instanceof TimeGauge t ? t.value() : ((Gauge) meter).value();
  }

  /**
   * A timer's, long task timer's (active tasks as its count, their duration as its total) or
   * distribution summary's snapshot.
   */
  static HistogramSnapshot snapshot(Meter meter) {
    return ((HistogramSupport) meter).takeSnapshot();
  }

  /** Whether the meter measures time: its values are written in seconds. */
  static boolean isTimed(Meter meter) {
    return meter instanceof Timer || meter instanceof LongTaskTimer;
  }

  /** {@code k1="v1",k2="v2"} with Prometheus' escaping, in the tags' (key) order. */
  static byte[] labels(List<Tag> tags) {
    StringBuilder out = new StringBuilder();
    for (Tag tag : tags) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(tag.getKey()).append("=\"");
      escapeLabelValue(tag.getValue(), out);
      out.append('"');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The repeated {@code LabelPair label = 1} fields of a protobuf {@code Metric}. */
  static byte[] protobufLabels(List<Tag> tags) {
    ByteSink out = new ByteSink(64);
    ByteSink pair = new ByteSink(64);
    for (Tag tag : tags) {
      pair.reset();
      ProtobufExposition.string(1, tag.getKey(), pair);
      ProtobufExposition.string(2, tag.getValue(), pair);
      ProtobufExposition.message(1, pair, out);
    }
    return out.toByteArray();
  }

  static void escapeLabelValue(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  /** One exposition family: its name, kind, help and series. */
  static final class Family {
    final String name;
    final Kind kind;
    final String help;
    private final List<Series> series = new ArrayList<>();
    private final Set<Meter> members = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile Series[] published;

    Family(String name, Kind kind, String description) {
      this.name = name;
      this.kind = kind;
      this.help = description == null || description.isEmpty() ? " " : description;
    }

    /** Adds a series once: a meter registered while the listener was being set up is seen twice. */
    synchronized void add(Series s) {
      if (members.add(s.meter)) {
        series.add(s);
        published = null;
      }
    }

    synchronized void remove(Meter meter) {
      if (members.remove(meter)) {
        series.removeIf(s -> s.meter == meter);
        published = null;
      }
    }

    /**
     * The series as of now, as an array made once per change (not per add: registering 100k series
     * stays linear); a meter registered during a scrape shows on the next one.
     */
    Series[] series() {
      Series[] current = published;
      if (current == null) {
        synchronized (this) {
          current = published;
          if (current == null) {
            current = series.toArray(Series[]::new);
            published = current;
          }
        }
      }
      return current;
    }
  }

  /**
   * One meter, its labels encoded for the text formats and for protobuf, and when it was registered
   * (the counters' created timestamp in protobuf, as Micrometer reports it).
   */
  record Series(Meter meter, byte[] labels, byte[] protobufLabels, long createdMillis) {}
}
