package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.dashboards.doctor.PrometheusProcess;
import io.agentmetrics.integration.stack.StackSpec;
import io.agentmetrics.integration.support.FreePorts;
import io.agentmetrics.integration.support.Ingest;
import io.agentmetrics.integration.support.Ready;
import io.agentmetrics.integration.support.ServerJarCommand;
import io.agentmetrics.stack.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real server processes behind one Prometheus job, as {@code stack/kubernetes} runs them behind
 * a Service: an agent's started events and its in_flight report land on one replica, the finished
 * events and the next report on the other. The bundled dashboards' in-flight panels (active runs,
 * active tasks, pending approvals) read 0 afterwards, and again after the replica holding the
 * newest report restarts (the older report on the other replica expires). The +1/-1 gauge of
 * started minus finished events, which the panels used before, reads 10 on the same data.
 */
@DisplayName("Two server replicas: in-flight numbers")
class ReplicasIT {

  private static final String SOURCE = "support-bot-7f9c:4242";
  private static final String AGENT = "planner";
  private static final int RUNS = 10;
  private static final int TASKS = 4;
  private static final int APPROVALS = 3;
  private static final String EXPIRY_SECONDS = "20";

  /** Dashboard file and panel title of each in-flight panel. */
  private static final Map<String, String> PANELS =
      Map.of(
          "Open sessions and active runs", "agents-overview.json",
          "Active tasks", "tasks-queues.json",
          "Pending approvals", "security-approvals.json");

  @TempDir Path dir;

  @Test
  void inFlightPanelsReadZeroWithStartsAndFinishesOnDifferentReplicasAndAfterARestart()
      throws Exception {
    Path jar =
        Files.copy(
            Path.of("..").resolve(StackSpec.SERVER_JAR),
            dir.resolve("agentmetrics-server.jar"),
            StandardCopyOption.REPLACE_EXISTING);
    int portA = FreePorts.next();
    int portB = FreePorts.next();
    ManagedProcess a = startServer(jar, portA, "a");
    ManagedProcess b = startServer(jar, portB, "b");
    try (PrometheusProcess prometheus =
        PrometheusProcess.start(
            dir, "agentmetrics", List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB))) {
      PrometheusClient api = new PrometheusClient(prometheus.uri());

      new Ingest(uri(portA)).push(startedEvents());
      awaitPanels(api, Map.of("runs", RUNS, "tasks", TASKS, "approvals", APPROVALS));

      new Ingest(uri(portB)).push(finishedEvents());
      awaitPanels(api, Map.of("runs", 0, "tasks", 0, "approvals", 0));
      assertThat(value(api, "sum(agent_runs_active{job=\"agentmetrics\"})"))
          .as("the started-minus-finished gauge drifts: its +1s and -1s are on different replicas")
          .isEqualTo((double) RUNS);

      b.stop(Duration.ofSeconds(10));
      b = startServer(jar, portB, "b-restarted");
      awaitPanels(api, Map.of("runs", 0, "tasks", 0, "approvals", 0));
      assertThat(value(api, "sum(agent_in_flight{work=\"runs\"})"))
          .as("replica a's older report of " + RUNS + " runs has expired")
          .isZero();
    } finally {
      a.stop(Duration.ofSeconds(10));
      b.stop(Duration.ofSeconds(10));
    }
  }

  private ManagedProcess startServer(Path jar, int port, String name) {
    List<String> command =
        ServerJarCommand.of(List.of(), jar, port, "--in-flight-expiry", EXPIRY_SECONDS);
    ManagedProcess process =
        ManagedProcess.start(
            "metrics-server-" + name, command, Map.of(), dir.resolve("server-" + name + ".log"));
    Ready.await200(process, uri(port).resolve("/readyz"), Duration.ofSeconds(60));
    return process;
  }

  private static URI uri(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static List<Map<String, Object>> startedEvents() {
    List<Map<String, Object>> events = new ArrayList<>();
    events.addAll(
        Collections.nCopies(RUNS, Map.of("type", "agent_run", "kind", "started", "agent", AGENT)));
    events.addAll(
        Collections.nCopies(
            TASKS, Map.of("type", "task", "kind", "started", "agent", AGENT, "queue", "inbox")));
    events.addAll(
        Collections.nCopies(
            APPROVALS, Map.of("type", "approval", "kind", "requested", "agent", AGENT)));
    events.add(report(RUNS, TASKS, APPROVALS));
    return events;
  }

  private static List<Map<String, Object>> finishedEvents() {
    List<Map<String, Object>> events = new ArrayList<>();
    events.addAll(
        Collections.nCopies(
            RUNS,
            Map.of(
                "type",
                "agent_run",
                "agent",
                AGENT,
                "status",
                "success",
                "duration_seconds",
                2.5)));
    events.addAll(
        Collections.nCopies(
            TASKS,
            Map.of(
                "type",
                "task",
                "agent",
                AGENT,
                "queue",
                "inbox",
                "status",
                "completed",
                "duration_seconds",
                4.0)));
    events.addAll(
        Collections.nCopies(
            APPROVALS,
            Map.of(
                "type",
                "approval",
                "kind",
                "decided",
                "agent",
                AGENT,
                "decision",
                "approved",
                "wait_seconds",
                30)));
    events.add(report(0, 0, 0));
    return events;
  }

  private static Map<String, Object> report(int runs, int tasks, int approvals) {
    return Map.of(
        "type",
        "in_flight",
        "source",
        SOURCE,
        "agent",
        AGENT,
        "runs",
        runs,
        "tasks",
        tasks,
        "approvals_pending",
        approvals);
  }

  /** Waits until each in-flight panel of the bundled dashboards reads the expected number. */
  private static void awaitPanels(PrometheusClient api, Map<String, Integer> expected) {
    Map<String, String> queries =
        Map.of(
            "runs", panelQuery("Open sessions and active runs", "agent_runs_active"),
            "tasks", panelQuery("Active tasks", "agent_tasks_active"),
            "approvals", panelQuery("Pending approvals", "agent_approvals_pending"));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (Map.Entry<String, Integer> want : expected.entrySet()) {
                String query = queries.get(want.getKey());
                assertThat(value(api, query))
                    .as(
                        "%s: %s (targets %s, reports %s)",
                        want.getKey(), query, api.vector("up"), api.vector("agent_in_flight"))
                    .isEqualTo(want.getValue().doubleValue());
              }
            });
  }

  /** The sum of a query's result; 0 for an empty result. */
  private static double value(PrometheusClient api, String query) {
    double sum = 0;
    for (JsonNode sample : api.vector("sum(" + query + ")")) {
      sum += Double.parseDouble(sample.path("value").get(1).asText());
    }
    return sum;
  }

  /** The target of the panel that reads {@code metric}, with the dashboard variables at "All". */
  private static String panelQuery(String title, String metric) {
    JsonNode dashboard = dashboard(PANELS.get(title));
    List<String> found = new ArrayList<>();
    collect(dashboard.path("panels"), title, metric, found);
    assertThat(found).as("panel '%s' reading %s", title, metric).hasSize(1);
    return found
        .get(0)
        .replace("$cluster", ".*")
        .replace("$namespace", ".*")
        .replace("$job", ".+")
        .replace("$instance", ".*")
        .replace("$agent", ".+");
  }

  private static void collect(JsonNode panels, String title, String metric, List<String> found) {
    for (JsonNode panel : panels) {
      collect(panel.path("panels"), title, metric, found);
      if (panel.path("title").asText().equals(title)) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asText();
          if (expr.contains(metric)) {
            found.add(expr);
          }
        }
      }
    }
  }

  private static JsonNode dashboard(String file) {
    String resource = "/io/agentmetrics/dashboards/grafana/" + file;
    try (InputStream in = ReplicasIT.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
