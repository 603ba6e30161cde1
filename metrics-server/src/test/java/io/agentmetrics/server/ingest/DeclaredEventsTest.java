package io.agentmetrics.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every ingest event type whose fields the model declares, through its generated reader, the facade
 * method and core's recorder: the model's example event is accepted and records every metric the
 * model says it feeds. A recorder method that records nothing, or a reader that refuses its own
 * example, fails here without a test of its own.
 */
class DeclaredEventsTest {

  @Test
  void eachDeclaredTypesExampleRecordsTheMetricsItFeeds() throws Exception {
    assertThat(DeclaredEventTypes.examples())
        .extracting(DeclaredEventTypes.Example::type)
        .contains(IngestEventType.EVALUATION);
    for (DeclaredEventTypes.Example example : DeclaredEventTypes.examples()) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
      EventIngester ingester = new EventIngester(metrics, metrics.guardedMeters());
      List<ParsedEvent> events =
          new EventBatchParser().parse(example.json().getBytes(), EventBatchParser.Format.JSON);

      IngestResult result = ingester.ingest(events);

      assertThat(result.errors()).as(example.json()).isEmpty();
      assertThat(result.accepted()).isEqualTo(1);
      String scrape = registry.scrape();
      for (MetricDefinition metric : example.feeds()) {
        assertThat(metric.seriesNames())
            .as(example.type() + " feeds " + metric.name())
            .anyMatch(series -> scrape.contains("\n" + series + "{"));
      }
    }
  }
}
