package io.agentmetrics.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric of the catalogue: the contract between the code that records it, the dashboards that
 * chart it and the rules that alert on it.
 *
 * @param name the meter name as recorded (Micrometer style, dotted), e.g. {@code
 *     gen_ai.client.operation.duration}
 * @param type counter, gauge, timer or distribution summary
 * @param baseUnit the base unit ({@code seconds}, {@code bytes}, {@code usd} ...), or {@code null}
 * @param help the help text, one sentence
 * @param origin who produces it
 * @param labels its labels, in order; Prometheus adds {@code job} and {@code instance}
 * @param buckets histogram bucket upper bounds in the base unit; empty when not a histogram
 */
public record MetricDefinition(
    String name,
    MetricType type,
    String baseUnit,
    String help,
    Origin origin,
    List<LabelDefinition> labels,
    List<Double> buckets) {

  /** Validates and copies the definition. */
  public MetricDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(origin, "origin");
    labels = List.copyOf(labels);
    buckets = List.copyOf(buckets);
    if (!buckets.isEmpty() && type != MetricType.TIMER && type != MetricType.DISTRIBUTION_SUMMARY) {
      throw new IllegalArgumentException(name + ": only timers and summaries have buckets");
    }
    for (int i = 1; i < buckets.size(); i++) {
      if (buckets.get(i) <= buckets.get(i - 1)) {
        throw new IllegalArgumentException(name + ": buckets must increase");
      }
    }
  }

  /** The name Prometheus shows without type suffixes, e.g. {@code agent_cost_usd}. */
  public String prometheusName() {
    return PrometheusNames.baseName(name, type, baseUnit);
  }

  /** Every series name this metric produces in a scrape, e.g. {@code agent_cost_usd_total}. */
  public List<String> seriesNames() {
    return PrometheusNames.seriesNames(prometheusName(), type, !buckets.isEmpty());
  }

  /** The label with this tag key or Prometheus label name. */
  public Optional<LabelDefinition> label(String keyOrPrometheusName) {
    for (LabelDefinition label : labels) {
      if (label.key().equals(keyOrPrometheusName)
          || label.prometheusName().equals(keyOrPrometheusName)) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  /** The Prometheus names of the labels, in order. */
  public List<String> labelNames() {
    return labels.stream().map(LabelDefinition::prometheusName).toList();
  }

  /** Whether this metric is a histogram with explicit buckets. */
  public boolean isHistogram() {
    return !buckets.isEmpty();
  }
}
