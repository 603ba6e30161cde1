package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.Origin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The anti-drift guard: after one of every event, the scrape holds every AGENT and SELF metric of
 * the catalogue under exactly its series names and label names, and nothing the catalogue does not
 * know.
 */
class CatalogueCoverageTest {

  /** Recorded by metrics-server's ingest API, not by the facade. */
  private static final Set<MetricDefinition> NOT_RECORDED_BY_CORE =
      // Registration failures need a conflicting meter, which would take a series of this scrape
      // away: MeterCoexistenceTest scrapes that counter.
      Set.of(
          MetricCatalogue.INGEST_EVENTS,
          MetricCatalogue.OTLP_ITEMS,
          MetricCatalogue.METER_REGISTRATION_FAILED);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void everyAgentAndSelfMetricAppearsWithExactlyItsSeriesAndLabels() {
    EveryEvent.recordAll(MicrometerAgentMetrics.builder(registry).build());
    Map<String, List<Scrape.Sample>> byName =
        new Scrape(registry).samples().stream().collect(Collectors.groupingBy(Scrape.Sample::name));

    List<MetricDefinition> expected = recordedByCore();
    assertThat(expected).hasSizeGreaterThan(30);
    List<String> problems = new ArrayList<>();
    for (MetricDefinition metric : expected) {
      for (String series : metric.seriesNames()) {
        List<Scrape.Sample> samples = byName.getOrDefault(series, List.of());
        if (samples.isEmpty()) {
          problems.add(series + " is missing from the scrape");
        }
        Set<String> labels = new HashSet<>(metric.labelNames());
        if (series.endsWith("_bucket")) {
          labels.add("le");
        }
        for (Scrape.Sample sample : samples) {
          if (!sample.labels().keySet().equals(labels)) {
            problems.add(
                series + " has labels " + sample.labels().keySet() + ", expected " + labels);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyHistogramHasExactlyTheCatalogueBuckets() {
    EveryEvent.recordAll(MicrometerAgentMetrics.builder(registry).build());
    List<Scrape.Sample> samples = new Scrape(registry).samples();

    for (MetricDefinition metric : recordedByCore()) {
      if (!metric.isHistogram()) {
        continue;
      }
      Set<String> expected = new HashSet<>();
      metric.buckets().forEach(bucket -> expected.add(Double.toString(bucket)));
      expected.add("+Inf");
      String series = metric.prometheusName() + "_bucket";
      Set<String> scraped =
          samples.stream()
              .filter(sample -> sample.name().equals(series))
              .map(sample -> sample.labels().get("le"))
              .collect(Collectors.toSet());
      assertThat(scraped).as(series).isEqualTo(expected);
    }
  }

  private static List<MetricDefinition> recordedByCore() {
    return Stream.concat(
            MetricCatalogue.byOrigin(Origin.AGENT).stream(),
            MetricCatalogue.byOrigin(Origin.SELF).stream())
        .filter(metric -> !NOT_RECORDED_BY_CORE.contains(metric))
        .toList();
  }

  @Test
  void everySeriesInTheScrapeIsInTheCatalogue() {
    EveryEvent.recordAll(MicrometerAgentMetrics.builder(registry).build());

    Set<String> unknown =
        new Scrape(registry)
            .samples().stream()
                .map(Scrape.Sample::name)
                .filter(name -> MetricCatalogue.bySeriesName(name).isEmpty())
                .collect(Collectors.toSet());
    assertThat(unknown).isEmpty();
  }
}
