package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.dashboards.doctor.PrometheusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher behind {@code stack/run-local}, for real: the Debian-packaged Prometheus and
 * Alertmanager with the stack's configs and the alerting module's rules, and the metrics server's
 * shaded jar with its demo workload.
 */
class LocalStackIT {

  private Path serverJar;

  @BeforeEach
  void requireTheBackend() {
    NativeTool.require("prometheus", "prometheus");
    NativeTool.require("prometheus-alertmanager", "prometheus-alertmanager");
    serverJar = RepoFiles.resolve(RepoFiles.SERVER_JAR);
    if (!Files.isRegularFile(serverJar)) {
      String message =
          serverJar
              + " is missing: build it first (./mvnw -B verify builds it before this module,"
              + " or ./mvnw -B -q -DskipTests package -pl metrics-server -am)";
      if (Boolean.getBoolean("agentmetrics.it.require")) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
  }

  @Test
  void everyTargetIsUpEveryRuleGroupHealthyAndNothingIsLeftAfterStop() throws Exception {
    io.agentmetrics.api.testing.NativeTool.require(
        "prometheus-node-exporter", "prometheus-node-exporter");
    LocalStack stack =
        LocalStack.builder()
            .stackDirectory(RepoFiles.stackDirectory())
            .serverJar(serverJar)
            .scrapeInterval(Duration.ofSeconds(2))
            .evaluationInterval(Duration.ofSeconds(2))
            .build();
    List<ProcessHandle> started;
    Path workDir;
    try {
      LocalStack.Endpoints endpoints = stack.start();
      workDir = endpoints.workDir();
      PrometheusClient prometheus = new PrometheusClient(endpoints.prometheus());

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                Set<String> jobs = new TreeSet<>();
                for (JsonNode target : prometheus.activeTargets()) {
                  jobs.add(target.at("/labels/job").asText());
                  assertThat(target.path("health").asText())
                      .as(target.path("scrapeUrl").asText() + " " + target.path("lastError"))
                      .isEqualTo("up");
                }
                // node: Debian's prometheus-node-exporter, which the stack starts where installed.
                assertThat(jobs)
                    .containsExactly("agentmetrics", "alertmanager", "node", "prometheus");
              });

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                List<JsonNode> groups = prometheus.ruleGroups();
                assertThat(groups).as("rule groups loaded").isNotEmpty();
                List<String> unhealthy = RuleHealth.unhealthyRules(groups);
                assertThat(unhealthy).isEmpty();
              });

      assertThat(prometheus.activeAlertmanagers().get(0).path("url").asText())
          .startsWith(endpoints.alertmanager().toString());

      started = stack.startedProcessHandles();
      assertThat(started).hasSizeGreaterThanOrEqualTo(3).allMatch(ProcessHandle::isAlive);
    } finally {
      stack.stop();
    }

    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(stack.startedProcessHandles()).noneMatch(ProcessHandle::isAlive);
    assertThat(workDir).doesNotExist();
  }

  @Test
  void aServerThatCannotStartFailsTheStartAndLeavesNothingRunning(@TempDir Path workDir) {
    LocalStack stack =
        LocalStack.builder()
            .stackDirectory(RepoFiles.stackDirectory())
            .workDir(workDir)
            .serverCommand(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    workDir.resolve("no-such-server.jar").toString()))
            .readyTimeout(Duration.ofSeconds(30))
            .build();

    assertThatThrownBy(stack::start)
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("metrics-server")
        .hasMessageContaining("exited before it was ready")
        .hasMessageContaining("no-such-server.jar");

    assertThat(stack.startedProcessHandles()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(stack.startedProcessHandles()).noneMatch(ProcessHandle::isAlive);
    assertThat(workDir.resolve("logs/metrics-server.log")).exists();
  }
}
