package io.agentmetrics.server.scrape;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client_java snapshots of a few families of a {@link PrometheusMeterRegistry}, for the meters
 * {@link FastScrape} leaves to client_java's writer.
 *
 * <p>Micrometer registers one collector per family and names none of them to client_java, so {@code
 * PrometheusRegistry.scrape(names)} builds the snapshot of every family before it filters: as slow
 * as the whole scrape (measured: ScrapeBenchmark, issue 27). The registry keeps its collectors by
 * family name in a private map; read through reflection, the foreign families alone are collected.
 * Hand-written for that measured target; should a Micrometer release rename the map, the filtered
 * scrape is used instead (correct, slower, logged once) and {@code FastScrapeTest} fails to say so.
 */
final class ForeignCollectors {

  private static final Logger LOG = LoggerFactory.getLogger(ForeignCollectors.class);

  private final PrometheusRegistry prometheusRegistry;
  private final Map<String, ?> byFamily;

  ForeignCollectors(PrometheusMeterRegistry registry) {
    this.prometheusRegistry = registry.getPrometheusRegistry();
    this.byFamily = collectorMap(registry);
  }

  /** Whether only the foreign families are collected (not every family, then filtered). */
  boolean direct() {
    return byFamily != null;
  }

  /**
   * The snapshots of the families named {@code foreign} (Micrometer's convention names), with the
   * {@code _max} gauge family client_java keeps beside a timer's or summary's.
   */
  MetricSnapshots collect(Set<String> foreign) {
    if (byFamily == null) {
      return prometheusRegistry.scrape(
          name ->
              foreign.contains(name)
                  || name.endsWith("_max")
                      && foreign.contains(name.substring(0, name.length() - "_max".length())));
    }
    MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
    for (String name : foreign) {
      if (byFamily.get(name) instanceof MultiCollector collector) {
        for (MetricSnapshot snapshot : collector.collect()) {
          snapshots.metricSnapshot(snapshot);
        }
      }
    }
    return snapshots.build();
  }

  private static Map<String, ?> collectorMap(PrometheusMeterRegistry registry) {
    try {
      Field field = PrometheusMeterRegistry.class.getDeclaredField("collectorMap");
      field.setAccessible(true);
      return field.get(registry) instanceof Map<?, ?> map ? cast(map) : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.info(
          "Micrometer's collectors cannot be read by family ({}): meters the fast /metrics writer"
              + " does not write make every scrape as slow as client_java's",
          e.toString());
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> map) {
    return (Map<String, ?>) map;
  }
}
