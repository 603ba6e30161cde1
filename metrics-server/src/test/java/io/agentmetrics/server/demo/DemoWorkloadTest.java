package io.agentmetrics.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.Origin;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.core.PriceTable;
import io.agentmetrics.core.SystemMetrics;
import io.agentmetrics.server.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class DemoWorkloadTest {

  private static PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /** The scrape after {@code ticks}, on a fixed clock: in-flight reports carry their time. */
  private static String afterTicks(long seed, int ticks) {
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT,
            new io.prometheus.metrics.model.registry.PrometheusRegistry(),
            new io.micrometer.core.instrument.MockClock());
    DemoWorkload workload =
        new DemoWorkload(MicrometerAgentMetrics.builder(registry).build(), seed);
    for (int i = 0; i < ticks; i++) {
      workload.tick();
    }
    String scrape = registry.scrape();
    registry.close();
    return scrape;
  }

  /** Runs the demo behind a real server and returns its scrape once every agent metric shows. */
  private static String demoScrape() throws Exception {
    PrometheusMeterRegistry registry = registry();
    SystemMetrics.bindTo(registry);
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
    MetricsServer server =
        MetricsServer.builder()
            .host("127.0.0.1")
            .port(0)
            .registry(registry)
            .metrics(metrics)
            .build()
            .start();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest scrape =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
            .build();
    try (DemoWorkload demo = new DemoWorkload(metrics, 7).start()) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(
                          missingAgentSeries(
                              client.send(scrape, HttpResponse.BodyHandlers.ofString()).body()))
                      .isEmpty());
      return client.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
    } finally {
      server.stop();
      registry.close();
    }
  }

  @Test
  void everyAgentMetricOfTheCatalogueHasAllItsSeriesWithinSeconds() throws Exception {
    assertThat(missingAgentSeries(demoScrape())).isEmpty();
  }

  @Test
  void theDemoScrapePassesPromtool() throws Exception {
    Path promtool = NativeTool.require("promtool", "prometheus");
    String scrape = demoScrape();
    NativeTool.Result check =
        NativeTool.run(List.of(promtool.toString(), "check", "metrics"), scrape);
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).as("promtool reports no problem").isBlank();
  }

  @Test
  void sameSeedSameWorkloadOtherSeedOtherWorkload() {
    String first = afterTicks(42, 300);
    assertThat(afterTicks(42, 300)).isEqualTo(first);
    assertThat(afterTicks(43, 300)).isNotEqualTo(first);
  }

  @Test
  void realisticErrorRatesAndNothingRejectedOrUnpriced() {
    String scrape = afterTicks(42, 1200);
    double calls = sum(scrape, "gen_ai_client_inference_duration_seconds_count", "");
    double errors =
        calls - sum(scrape, "gen_ai_client_inference_duration_seconds_count", "error_type=\"\"");
    assertThat(calls).isGreaterThan(300);
    assertThat(errors / calls).isBetween(0.01, 0.10);
    assertThat(sum(scrape, "gen_ai_invoke_agent_duration_seconds_count", "error_type=\"Timeout\""))
        .isPositive();
    assertThat(sum(scrape, "agent_skill_access_total", "decision=\"denied\"")).isPositive();
    assertThat(sum(scrape, "agent_approval_response_duration_seconds_count", "decision=\"denied\""))
        .isPositive();
    assertThat(
            sum(scrape, "gen_ai_execute_tool_duration_seconds_count", "")
                - sum(scrape, "gen_ai_execute_tool_duration_seconds_count", "error_type=\"\""))
        .isPositive();
    assertThat(scrape)
        .doesNotContain(
            "agentmetrics_recordings_rejected_total{", "agentmetrics_cost_unknown_model_total{");
    PriceTable prices = PriceTable.bundled();
    assertThat(DemoFleet.MODELS)
        .allSatisfy(
            m -> assertThat(prices.contains(m.provider(), m.name())).as(m.toString()).isTrue());
  }

  private static List<String> missingAgentSeries(String scrape) {
    List<String> missing = new ArrayList<>();
    for (MetricDefinition metric : MetricCatalogue.byOrigin(Origin.AGENT)) {
      for (String series : metric.seriesNames()) {
        if (!Pattern.compile("(?m)^" + Pattern.quote(series) + "[{ ]").matcher(scrape).find()) {
          missing.add(series);
        }
      }
    }
    return missing;
  }

  private static double sum(String scrape, String name, String labelFragment) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
    double total = 0;
    while (m.find()) {
      if (m.group(1).contains(labelFragment)) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }
}
