package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real Alertmanager with the committed configuration and checks what it does with alerts:
 * routing to each receiver, secrets read from files, and inhibition. Only what must differ on a
 * test machine is changed: the secrets directory, the receivers' addresses (a local HTTP server
 * stands in for Slack, PagerDuty and the webhooks) and the group waits (seconds instead of 30 s).
 */
class AlertmanagerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A request the stand-in receivers got. */
  record Received(String path, String authorization, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer receivers;
  private Process alertmanager;
  private String api;

  @BeforeEach
  void start(@TempDir Path dir) throws IOException {
    Path binary = NativeTool.require("prometheus-alertmanager", "prometheus-alertmanager");
    receivers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receivers.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receivers.start();
    String local = "http://127.0.0.1:" + receivers.getAddress().getPort();

    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(secrets.resolve("slack-api-url"), local + "/slack\n");
    Files.writeString(secrets.resolve("pagerduty-routing-key"), "pd-key-from-file\n");
    Files.writeString(secrets.resolve("smtp-password"), "smtp-password-from-file\n");
    Files.writeString(secrets.resolve("webhook-token"), "webhook-token-from-file\n");
    Files.writeString(secrets.resolve("deadmansswitch-token"), "dms-token-from-file\n");

    String config =
        Files.readString(AlertingFiles.alertmanagerConfig())
            .replace("/etc/alertmanager/secrets/", secrets + "/")
            .replace("http://alert-webhook:8080", local)
            .replace("http://deadmansswitch:8080", local)
            // No mail leaves the machine: the SMTP host is a closed port on loopback.
            .replace("smtp.example.org:587", "127.0.0.1:" + freePort())
            .replace("global:\n", "global:\n  pagerduty_url: " + local + "/pagerduty\n")
            .replace("group_wait: 30s", "group_wait: 1s");
    Path configFile = dir.resolve("alertmanager.yml");
    Files.writeString(configFile, config);

    int port = freePort();
    api = "http://127.0.0.1:" + port + "/api/v2";
    alertmanager =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + configFile,
                "--storage.path=" + Files.createDirectories(dir.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get("http://127.0.0.1:" + port + "/-/ready").statusCode() == 200);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      if (!alertmanager.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        alertmanager.destroyForcibly();
      }
    }
    if (receivers != null) {
      receivers.stop(0);
    }
  }

  @Test
  void routesEachSeverityToItsReceiverWithSecretsReadFromFiles() throws Exception {
    post(
        alert("AgentMetricsServerDown", "critical", Map.of()),
        alert("AgentMetricsLlmErrorRateHigh", "warning", Map.of("gen_ai_provider_name", "openai")),
        alert("AgentMetricsCostUnknownModel", "info", Map.of()),
        alert("AgentMetricsWatchdog", "info", Map.of()));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertReceived(
                  "/pagerduty",
                  null,
                  "\"routing_key\":\"pd-key-from-file\"",
                  "\"first_query\":\"up{job=\\\"agent-app\\\", alert=\\\"AgentMetricsServerDown\\\"}\"");
              assertReceived("/slack", null, "#agentmetrics-critical", "AgentMetricsServerDown");
              assertReceived(
                  "/slack", null, "#agentmetrics-alerts", "AgentMetricsLlmErrorRateHigh");
              assertReceived(
                  "/alerts", "Bearer webhook-token-from-file", "AgentMetricsCostUnknownModel");
              assertReceived("/ping", "Bearer dms-token-from-file", "AgentMetricsWatchdog");
            });
    assertThat(received)
        .filteredOn(r -> r.path().equals("/alerts") || r.path().equals("/pagerduty"))
        .noneSatisfy(r -> assertThat(r.body()).contains("AgentMetricsWatchdog"));
  }

  @Test
  void criticalInhibitsTheWarningOfTheSameAlertJobAndAgentAndTheBurnItsErrorRateAlert()
      throws Exception {
    String burn = "AgentMetricsAgentRunErrorBudgetBurn";
    post(
        alert(burn, "critical", Map.of("gen_ai_agent_name", "planner", "long_window", "1h")),
        alert(burn, "warning", Map.of("gen_ai_agent_name", "planner", "long_window", "1d")),
        alert(burn, "warning", Map.of("gen_ai_agent_name", "writer", "long_window", "1d")),
        alert("AgentMetricsAgentErrorRateHigh", "warning", Map.of("gen_ai_agent_name", "planner")),
        alert("AgentMetricsAgentErrorRateHigh", "warning", Map.of("gen_ai_agent_name", "other")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode alerts = JSON.readTree(get(api + "/alerts").body());
              assertThat(alerts).hasSize(5);
              for (JsonNode alert : alerts) {
                JsonNode labels = alert.path("labels");
                boolean planner = labels.path("gen_ai_agent_name").asText().equals("planner");
                // The burn of planner's budget silences its own warning and its error-rate alert;
                // "other" has no burning budget, so its error-rate alert stays.
                boolean inhibited =
                    planner
                        && (labels.path("alertname").asText().equals(burn)
                                && labels.path("severity").asText().equals("warning")
                            || labels
                                .path("alertname")
                                .asText()
                                .equals("AgentMetricsAgentErrorRateHigh"));
                assertThat(alert.path("status").path("state").asText())
                    .as(labels.toString())
                    .isEqualTo(inhibited ? "suppressed" : "active");
                assertThat(alert.path("status").path("inhibitedBy").isEmpty())
                    .as(labels.toString())
                    .isNotEqualTo(inhibited);
              }
            });
  }

  /**
   * A provider outage across 5 agents, as the rules fire it (FleetSituationsTest, provider-outage):
   * the provider's error-budget page in two windows, each agent's error-budget page and error-rate
   * warning, the provider's error-rate warning and the application's 5xx page. The on-call engineer
   * gets one page: one PagerDuty event and one message in the critical channel, naming the
   * provider; nothing in the warning channel.
   */
  @Test
  void aProviderOutageAcrossFiveAgentsIsOnePage() throws Exception {
    String llmBurn = "AgentMetricsLlmCallErrorBudgetBurn";
    List<Map<String, Object>> alerts = new java.util.ArrayList<>();
    alerts.add(
        alert(llmBurn, "critical", Map.of("gen_ai_provider_name", "openai", "long_window", "1h")));
    alerts.add(
        alert(llmBurn, "critical", Map.of("gen_ai_provider_name", "openai", "long_window", "6h")));
    alerts.add(
        alert("AgentMetricsLlmErrorRateHigh", "warning", Map.of("gen_ai_provider_name", "openai")));
    alerts.add(alert("AgentMetricsHttpServerErrorRateHigh", "critical", Map.of()));
    for (String agent : List.of("a1", "a2", "a3", "a4", "a5")) {
      alerts.add(
          alert(
              "AgentMetricsAgentRunErrorBudgetBurn",
              "critical",
              Map.of("gen_ai_agent_name", agent, "long_window", "1h")));
      alerts.add(
          alert("AgentMetricsAgentErrorRateHigh", "warning", Map.of("gen_ai_agent_name", agent)));
    }
    post(alerts);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertReceived("/pagerduty", null, llmBurn));
    // Past the group wait of every group: anything not inhibited has been sent by now.
    Thread.sleep(5_000);
    assertThat(received).filteredOn(r -> r.path().equals("/pagerduty")).hasSize(1);
    assertThat(received)
        .filteredOn(r -> r.path().equals("/slack"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("#agentmetrics-critical", llmBurn, "openai"));
    assertThat(received)
        .filteredOn(r -> r.path().equals("/pagerduty") || r.path().equals("/slack"))
        .noneSatisfy(r -> assertThat(r.body()).contains("AgentMetricsAgentRunErrorBudgetBurn"));
  }

  private void assertReceived(String path, String authorization, String... bodyParts) {
    assertThat(received)
        .as("requests to " + path)
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo(path);
              if (authorization != null) {
                assertThat(r.authorization()).isEqualTo(authorization);
              }
              assertThat(r.body()).contains(bodyParts);
            });
  }

  private static Map<String, Object> alert(
      String alertname, String severity, Map<String, String> extra) {
    Map<String, String> labels = new java.util.HashMap<>(extra);
    labels.put("alertname", alertname);
    labels.put("severity", severity);
    labels.put("job", "agent-app");
    return Map.of(
        "labels",
        labels,
        "annotations",
        Map.of(
            "summary", alertname + " test.",
            "description", "Test alert " + alertname + ".",
            "runbook_url", RuleConventions.RUNBOOK_BASE + alertname.toLowerCase(),
            "query", "up{job=\"agent-app\", alert=\"" + alertname + "\"}"));
  }

  @SafeVarargs
  private void post(Map<String, Object>... alerts) throws Exception {
    post(List.of(alerts));
  }

  private void post(List<Map<String, Object>> alerts) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api + "/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
