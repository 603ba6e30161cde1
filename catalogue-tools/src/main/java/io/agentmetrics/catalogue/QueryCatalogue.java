package io.agentmetrics.catalogue;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.MetricIndex;
import io.agentmetrics.api.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every series a bundled query may read: the catalogue of metrics-api (what agentmetrics records)
 * and the {@link ExporterSeries} (what exporters and Prometheus write). What the dashboards linter,
 * the rule checks and docs/metrics.md check against.
 */
public final class QueryCatalogue {

  private static final MetricIndex INDEX = index();

  private QueryCatalogue() {}

  /** The catalogue's metrics, then the exporter series. */
  public static List<MetricDefinition> all() {
    return INDEX.all();
  }

  /** The metrics and series of one origin, in declaration order. */
  public static List<MetricDefinition> byOrigin(Origin origin) {
    return INDEX.byOrigin(origin);
  }

  /**
   * The metric or series with this meter name ({@code up}, {@code agent.cost}).
   *
   * @throws IllegalArgumentException when none has it
   */
  public static MetricDefinition named(String name) {
    return byName(name)
        .orElseThrow(() -> new IllegalArgumentException("no metric or series named " + name));
  }

  /** The metric or series with this meter name, if any. */
  public static Optional<MetricDefinition> byName(String name) {
    return INDEX.byName(name);
  }

  /** The metric or exporter series that produces this Prometheus series name. */
  public static Optional<MetricDefinition> bySeriesName(String seriesName) {
    return INDEX.bySeriesName(seriesName);
  }

  private static MetricIndex index() {
    List<MetricDefinition> all = new ArrayList<>(MetricCatalogue.all());
    all.addAll(ExporterSeries.all());
    return MetricIndex.of(all);
  }
}
