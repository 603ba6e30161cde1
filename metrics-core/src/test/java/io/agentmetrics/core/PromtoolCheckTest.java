package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.NativeTool;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code promtool check metrics} finds no problem in a scrape holding every metric we export. */
class PromtoolCheckTest {

  @Test
  void promtoolReportsNoProblemForAScrapeOfEveryEventAndTheJvmMetrics() {
    Path promtool = NativeTool.require("promtool", "prometheus");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SystemMetrics.bindTo(registry);
    EveryEvent.recordAll(MicrometerAgentMetrics.builder(registry).build());
    String scrape = registry.scrape();
    assertThat(scrape).contains("gen_ai_client_inference_duration_seconds_bucket{");

    NativeTool.Result result =
        NativeTool.run(List.of(promtool.toString(), "check", "metrics"), scrape);

    assertThat(result.output()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }
}
