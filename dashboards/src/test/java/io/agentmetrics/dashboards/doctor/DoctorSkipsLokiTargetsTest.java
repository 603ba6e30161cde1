package io.agentmetrics.dashboards.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The doctor on the overview's Loki logs panel, with no Prometheus listening: every query it sends
 * fails, so a Loki target reported as SKIPPED (and not as ERROR) was not sent to Prometheus.
 */
class DoctorSkipsLokiTargetsTest {

  /** The overview with only its data source variables, and only the panels {@code keep} names. */
  private static Dashboard overview(List<String> keep) {
    ObjectNode json = (ObjectNode) Dashboards.load("agents-overview.json").json().deepCopy();
    ArrayNode variables = json.arrayNode();
    for (JsonNode v : json.path("templating").path("list")) {
      if (v.path("type").asText().equals("datasource")) {
        variables.add(v);
      }
    }
    ((ObjectNode) json.path("templating")).set("list", variables);
    ArrayNode panels = json.arrayNode();
    for (JsonNode p : json.path("panels")) {
      if (keep.contains(p.path("title").asText())) {
        panels.add(p);
      }
    }
    json.set("panels", panels);
    return new Dashboard("agents-overview.json", json);
  }

  /** A doctor whose Prometheus is a port nobody listens on. */
  private static Doctor doctorWithoutPrometheus() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new Doctor(
        new PrometheusClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)),
        DoctorOptions.lastRange(Duration.ofHours(1), "15s"));
  }

  @Test
  void reportsALokiTargetAsSkippedNotFailed() throws IOException {
    List<TargetCheck> checks =
        doctorWithoutPrometheus().examine(List.of(overview(List.of("Server logs"))));

    assertThat(checks)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.panel()).isEqualTo("Server logs");
              assertThat(c.refId()).isEqualTo("A");
              assertThat(c.status()).isEqualTo(TargetCheck.Status.SKIPPED);
              assertThat(c.message()).isEqualTo("loki target: not checked against Prometheus");
              assertThat(c.query()).isEqualTo("{job=~\"$job\", instance=~\"$instance\"}");
            });
    assertThat(DoctorReport.failed(checks)).isFalse();
    assertThat(DoctorReport.table(checks))
        .contains("Server logs", "SKIPPED  loki target: not checked against Prometheus")
        .contains(
            "1 checked, 0 OK, 1 skipped (not Prometheus, no cAdvisor, or an optional label no target carries), 0 without data or failing");
  }

  @Test
  void stillRunsAndFailsThePrometheusTargetsBesideIt() throws IOException {
    List<TargetCheck> checks =
        doctorWithoutPrometheus()
            .examine(List.of(overview(List.of("Agent runs per second", "Server logs"))));

    assertThat(checks)
        .extracting(TargetCheck::panel, TargetCheck::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Agent runs per second", TargetCheck.Status.ERROR),
            org.assertj.core.groups.Tuple.tuple("Server logs", TargetCheck.Status.SKIPPED));
    assertThat(checks.get(0).message()).startsWith("client: cannot reach http://127.0.0.1:");
    assertThat(DoctorReport.failed(checks)).isTrue();
    assertThat(DoctorReport.failures(checks)).hasSize(1);
  }
}
