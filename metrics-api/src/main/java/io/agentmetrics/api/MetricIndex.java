package io.agentmetrics.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list of metric definitions with their lookups: by meter name, by origin and by the Prometheus
 * series names they produce (no two may produce the same one). The catalogue is one; the query
 * checks' catalogue, with the exporters' series, another.
 */
public final class MetricIndex {

  private final List<MetricDefinition> all;
  private final Map<String, MetricDefinition> bySeries;

  private MetricIndex(List<MetricDefinition> all) {
    this.all = List.copyOf(all);
    Map<String, MetricDefinition> index = new LinkedHashMap<>();
    for (MetricDefinition metric : this.all) {
      for (String series : metric.seriesNames()) {
        if (index.put(series, metric) != null) {
          throw new IllegalStateException("two metrics produce the series " + series);
        }
      }
    }
    this.bySeries = Collections.unmodifiableMap(index);
  }

  /**
   * The index of {@code metrics}, in their order.
   *
   * @throws IllegalStateException when two of them produce the same series
   */
  public static MetricIndex of(List<MetricDefinition> metrics) {
    return new MetricIndex(metrics);
  }

  /** Every metric, in order. */
  public List<MetricDefinition> all() {
    return all;
  }

  /** The metrics of one origin, in order. */
  public List<MetricDefinition> byOrigin(Origin origin) {
    return all.stream().filter(m -> m.origin() == origin).toList();
  }

  /** The metric with this meter name (e.g. {@code agent.cost}). */
  public Optional<MetricDefinition> byName(String name) {
    return all.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * The metric that produces this Prometheus series name, e.g. {@code agent_cost_usd_total} or
   * {@code gen_ai_client_operation_duration_seconds_bucket}.
   */
  public Optional<MetricDefinition> bySeriesName(String seriesName) {
    return Optional.ofNullable(bySeries.get(seriesName));
  }
}
