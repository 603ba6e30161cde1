package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.Origin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One call binds every JVM-origin metric of the catalogue, under its catalogue name and labels. */
class SystemMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void everyJvmMetricOfTheCatalogueAppearsAfterBindTo() {
    SystemMetrics.bindTo(registry);
    List<MetricDefinition> jvm = MetricCatalogue.byOrigin(Origin.JVM);
    assertThat(jvm).isNotEmpty();

    // jvm_gc_pause_seconds only exists once a collection happened.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              System.gc();
              assertThat(problems(jvm, new Scrape(registry))).isEmpty();
            });
  }

  @Test
  void processCpuTimeIsInSecondsAndNoGaugeEndsInCount() {
    SystemMetrics.bindTo(registry);

    List<String> names = new Scrape(registry).samples().stream().map(Scrape.Sample::name).toList();
    assertThat(names)
        .contains("process_cpu_time_seconds_total", "jvm_available_processors")
        .doesNotContain("process_cpu_time_ns_total", "system_cpu_count");
  }

  @Test
  void onARegistryThatAlreadyHoldsMetersTheFilterConfiguredAtCreationDoesTheRenaming() {
    PrometheusMeterRegistry used = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    used.config().meterFilter(SystemMetrics.prometheusNaming());
    used.counter("app.requests").increment(); // a meter before the binders
    SystemMetrics.bindTo(used);

    List<String> names = new Scrape(used).samples().stream().map(Scrape.Sample::name).toList();
    assertThat(names)
        .contains("process_cpu_time_seconds_total", "jvm_available_processors")
        .doesNotContain("process_cpu_time_ns_total", "system_cpu_count");
  }

  private static List<String> problems(List<MetricDefinition> metrics, Scrape scrape) {
    List<String> problems = new ArrayList<>();
    for (MetricDefinition metric : metrics) {
      for (String series : metric.seriesNames()) {
        List<Scrape.Sample> samples =
            scrape.samples().stream().filter(s -> s.name().equals(series)).toList();
        if (samples.isEmpty()) {
          problems.add(series + " is missing");
        }
        Set<String> labels = new HashSet<>(metric.labelNames());
        for (Scrape.Sample sample : samples) {
          if (!sample.labels().keySet().equals(labels)) {
            problems.add(
                series + " has labels " + sample.labels().keySet() + ", expected " + labels);
          }
        }
      }
    }
    return problems;
  }
}
