package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.integration.support.VictoriaMetrics;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario d: Prometheus remote-writes every sample to VictoriaMetrics (the scale profile's long
 * term store), and the dashboards' queries return data from VictoriaMetrics' Prometheus-compatible
 * API too.
 */
@Order(3)
@DisplayName("d. Remote write to VictoriaMetrics")
@ExtendWith(EndToEnd.class)
class RemoteWriteIT {

  @Test
  @DisplayName("the doctor finds data for every panel target in VictoriaMetrics")
  void everyPanelTargetHasDataInVictoriaMetrics(Environment environment) {
    VictoriaMetrics vm = victoriaMetrics(environment);
    PrometheusClient api = new PrometheusClient(vm.uri());
    await("samples arrive in VictoriaMetrics")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(api.vector("up{job=\"agentmetrics\"}"))
                    .as("up in VictoriaMetrics")
                    .isNotEmpty());
    environment.note(DashboardsIT.assertEveryTargetHasData(vm.uri()));
  }

  private static VictoriaMetrics victoriaMetrics(Environment environment) {
    if (environment.victoriaMetrics().isEmpty()) {
      Requirement.unavailable(environment.victoriaMetricsMissing());
    }
    return environment.victoriaMetrics().orElseThrow();
  }
}
