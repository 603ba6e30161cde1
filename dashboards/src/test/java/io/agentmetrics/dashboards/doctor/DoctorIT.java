package io.agentmetrics.dashboards.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.RunStatus;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.core.SystemMetrics;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.cli.DashboardsCommand;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor against a real Prometheus scraping a real exposition: a PrometheusMeterRegistry fed
 * through MicrometerAgentMetrics and served by the JDK's HTTP server.
 */
class DoctorIT {

  @TempDir static Path dir;

  private static HttpServer exporter;
  private static PrometheusProcess prometheus;
  private static AgentMetrics metrics;

  @BeforeAll
  static void start() throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SystemMetrics.bindTo(registry);
    metrics = MicrometerAgentMetrics.builder(registry).build();
    record();
    exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    exporter.createContext(
        "/metrics",
        exchange -> {
          record();
          byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    exporter.start();
    prometheus =
        PrometheusProcess.start(dir, "doctor-it", "127.0.0.1:" + exporter.getAddress().getPort());
  }

  /** Some agent activity, recorded again at every scrape so that rates are not zero. */
  private static void record() {
    metrics.agentRunStarted("planner");
    metrics.agentRun(new AgentRun("planner", RunStatus.SUCCESS, 0.12, null));
    metrics.agentRunStarted("planner");
    metrics.agentRun(new AgentRun("planner", RunStatus.ERROR, 0.4, "TimeoutException"));
    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o")
            .agent("planner")
            .durationSeconds(0.8)
            .tokens(1200, 300)
            .reportedCostUsd(0.02)
            .build());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.close();
    }
    if (exporter != null) {
      exporter.stop(0);
    }
  }

  @Test
  void reportsDataForEveryTargetOfAHealthyDashboard() throws URISyntaxException {
    // Enough scrapes for a rate: poll until every check is OK (or fail after the timeout).
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<TargetCheck> checks = doctorRun("healthy.json");
              assertThat(DoctorReport.failed(checks)).as(DoctorReport.table(checks)).isFalse();
            });

    List<TargetCheck> checks = doctorRun("healthy.json");
    assertThat(checks)
        .extracting(TargetCheck::panel)
        .containsExactly(
            "$cluster",
            "$job",
            "$instance",
            "$agent",
            "Runs per second",
            "LLM p95",
            "Cost over the range",
            "Heap",
            "Server logs");
    assertThat(checks)
        .filteredOn(c -> c.status() == TargetCheck.Status.OK)
        .hasSize(7)
        .allSatisfy(c -> assertThat(c.series()).isPositive());
    assertThat(checks.get(0).status())
        .as("an optional target label no series carries: All (.*) matches every series")
        .isEqualTo(TargetCheck.Status.SKIPPED);
    assertThat(checks.get(8).status()).isEqualTo(TargetCheck.Status.SKIPPED);
    TargetCheck runs = checks.get(4);
    assertThat(runs.series()).isEqualTo(2); // success and error
    assertThat(runs.query())
        .isEqualTo(
            "sum by (error_type) (rate(gen_ai_invoke_agent_duration_seconds_count{job=~\".+\","
                + " instance=~\".+\", gen_ai_agent_name=~\".+\"}[4s]))");
  }

  @Test
  void failsOnAMissingMetricAQueryErrorAndOnlyNaN() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<TargetCheck> checks = doctorRun("broken.json");
              assertThat(checks.get(3).status())
                  .as(DoctorReport.table(checks))
                  .isEqualTo(TargetCheck.Status.OK);
            });

    List<TargetCheck> checks = doctorRun("broken.json");
    Map<String, TargetCheck.Status> byPanel =
        checks.stream()
            .collect(java.util.stream.Collectors.toMap(TargetCheck::panel, TargetCheck::status));
    assertThat(byPanel)
        .containsEntry("Runs per second", TargetCheck.Status.OK)
        .containsEntry("Missing metric", TargetCheck.Status.NO_DATA)
        .containsEntry("Broken query", TargetCheck.Status.ERROR)
        .containsEntry("Only NaN", TargetCheck.Status.NO_DATA);
    assertThat(checks)
        .filteredOn(c -> c.panel().equals("Only NaN"))
        .extracting(TargetCheck::message)
        .containsExactly("every value is NaN");
    assertThat(DoctorReport.failed(checks)).isTrue();
  }

  @Test
  void theCommandExitsNonZeroOnlyWhenAPanelHasNoData() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> run("healthy.json").exitCode == 0);

    Result healthy = run("healthy.json");
    assertThat(healthy.output)
        .contains("Runs per second", "OK", "0 without data or failing")
        .contains("Server logs", "SKIPPED  loki target: not checked against Prometheus")
        .contains("2 skipped");

    Result broken = run("broken.json");
    assertThat(broken.exitCode).isEqualTo(1);
    assertThat(broken.output)
        .contains("Missing metric")
        .contains("NO_DATA")
        .contains("agent_nobody_exports_this_total")
        .contains("ERROR");
  }

  /** Runs the doctor over the last five minutes until now. */
  private static List<TargetCheck> doctorRun(String file) throws URISyntaxException {
    Doctor doctor =
        new Doctor(
            new PrometheusClient(prometheus.uri(), Duration.ofSeconds(10)),
            DoctorOptions.lastRange(Duration.ofMinutes(5), "1s"));
    return doctor.examine(List.of(Dashboards.read(resource(file))));
  }

  private static Path resource(String file) throws URISyntaxException {
    return Path.of(DoctorIT.class.getResource("/doctor/" + file).toURI());
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String file) throws URISyntaxException {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int code =
          DashboardsCommand.execute(
              "doctor",
              "--prometheus",
              prometheus.uri().toString(),
              "--from",
              "now-5m",
              "--scrape-interval",
              "1s",
              "--dashboard",
              resource(file).toString());
      return new Result(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}
