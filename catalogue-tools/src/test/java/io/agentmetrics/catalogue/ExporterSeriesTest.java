package io.agentmetrics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.Origin;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exporter series' declaration: read whole, named and typed as Prometheus shows them, out of
 * metrics-api's catalogue, and every one read by a bundled query or the docs through {@link
 * QueryCatalogue}.
 */
class ExporterSeriesTest {

  private static final Set<Origin> EXPORTERS =
      EnumSet.of(Origin.PROMETHEUS, Origin.HOST, Origin.POSTGRES, Origin.REDIS, Origin.CONTAINER);

  @Test
  void everySeriesIsAnExportersAndNoneIsInTheApplicationsCatalogue() {
    assertThat(ExporterSeries.all()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(ExporterSeries.all())
        .allSatisfy(series -> assertThat(EXPORTERS).contains(series.origin()));
    assertThat(MetricCatalogue.all())
        .as("metrics-api carries only what an application records")
        .noneSatisfy(metric -> assertThat(EXPORTERS).contains(metric.origin()));
  }

  @Test
  void everySeriesIsWellFormedAndUnique() {
    Set<String> names = new HashSet<>();
    for (MetricDefinition series : ExporterSeries.all()) {
      assertThat(names.add(series.name())).as("twice: %s", series.name()).isTrue();
      assertThat(series.prometheusName()).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
      assertThat(series.help()).as(series.name()).endsWith(".");
      assertThat(series.labelNames()).doesNotContain("job", "instance").doesNotHaveDuplicates();
    }
  }

  @Test
  void seriesAreNamedAsPrometheusShowsThem() {
    assertThat(QueryCatalogue.named("scrape_duration").seriesNames())
        .containsExactly("scrape_duration_seconds");
    assertThat(QueryCatalogue.named("node.cpu.seconds").seriesNames())
        .containsExactly("node_cpu_seconds_total");
    assertThat(QueryCatalogue.named("pg.stat.database.xact_commit").seriesNames())
        .containsExactly("pg_stat_database_xact_commit");
    assertThat(QueryCatalogue.bySeriesName("redis_connected_clients"))
        .map(MetricDefinition::origin)
        .contains(Origin.REDIS);
    assertThat(QueryCatalogue.named("node.cpu.seconds").labelNames())
        .containsExactly("cpu", "mode");
  }

  @Test
  void theQueryCatalogueHoldsBothAndNoSeriesTwice() {
    assertThat(QueryCatalogue.all())
        .hasSize(MetricCatalogue.all().size() + ExporterSeries.all().size());
    assertThat(QueryCatalogue.bySeriesName("agent_cost_usd_total")).contains(MetricCatalogue.COST);
    assertThat(QueryCatalogue.bySeriesName("up")).isPresent();
  }
}
