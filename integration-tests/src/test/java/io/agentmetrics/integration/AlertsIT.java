package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.integration.stack.Stack;
import io.agentmetrics.integration.support.AlertReceiver;
import io.agentmetrics.integration.support.AlertReceiver.ReceivedAlert;
import io.agentmetrics.integration.support.Http;
import io.agentmetrics.integration.support.Ingest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario c: alerts end to end. The real rules (with a short {@code for}, see {@link
 * io.agentmetrics.integration.support.TestConfigs}) fire in Prometheus, reach Alertmanager, are
 * routed by the real configuration and arrive at the test's webhook receiver; resolved
 * notifications follow recovery. Runs last: it stops and restarts the server.
 */
@Order(9)
@DisplayName("c. Alerts end to end")
@ExtendWith(EndToEnd.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsIT {

  /** A provider the demo workload does not use, so that only this test's calls count. */
  private static final String PROVIDER = "groq";

  private static final Duration FIRING = Duration.ofSeconds(90);
  private static final Duration RESOLVED = Duration.ofSeconds(120);

  @Test
  @Order(1)
  @DisplayName(
      "LLM calls pushed with a high error rate page once (the provider's error budget, its"
          + " error-rate warning inhibited), successes resolve it")
  void llmErrorsPageOnceAndResolve(Environment environment) {
    Stack stack = environment.stack();
    AlertReceiver receiver = environment.receiver();
    Ingest ingest = new Ingest(stack.server());
    Map<String, String> page =
        Map.of("alertname", "AgentMetricsLlmCallErrorBudgetBurn", "gen_ai_provider_name", PROVIDER);
    assertThat(receiver.alerts("firing", page)).as("nothing before the errors").isEmpty();

    await("AgentMetricsLlmCallErrorBudgetBurn notification")
        .atMost(FIRING)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              ingest.push(llmCalls(10, 10)); // half of the calls fail, every second
              assertThat(receiver.alerts("firing", page)).isNotEmpty();
            });
    ReceivedAlert firing = receiver.alerts("firing", page).get(0);
    assertThat(firing.receiver()).as("the page routes to the pager").isEqualTo("pager");
    assertThat(firing.alert().at("/labels/severity").asText()).isEqualTo("critical");
    assertThat(firing.alert().at("/labels/job").asText()).isEqualTo("agentmetrics");
    assertThat(firing.alert().at("/annotations/runbook_url").asText())
        .endsWith("#agentmetricsllmcallerrorbudgetburn");
    assertThat(firing.alert().at("/annotations/description").asText()).contains(PROVIDER);
    assertThat(firing.alert().at("/annotations/query").asText())
        .as("the page says what to look at")
        .contains("gen_ai_provider_name=\"" + PROVIDER + "\"");
    // The provider's error-rate warning fires too, and Alertmanager holds it back: one page.
    await("AgentMetricsLlmErrorRateHigh inhibited")
        .atMost(FIRING)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              ingest.push(llmCalls(10, 10));
              assertThat(alertmanagerStates(stack.alertmanager(), "AgentMetricsLlmErrorRateHigh"))
                  .containsExactly("suppressed");
            });

    await("resolved AgentMetricsLlmCallErrorBudgetBurn notification")
        .atMost(RESOLVED)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              ingest.push(llmCalls(0, 500)); // successes dilute the errors below the burn rate
              assertThat(receiver.alerts("resolved", page)).isNotEmpty();
            });
    assertThat(receiver.alerts("resolved", page).get(0).receiver()).isEqualTo("pager");
    environment.note(timings(firing, receiver.alerts("resolved", page).get(0)));
  }

  @Test
  @Order(2)
  @DisplayName(
      "stopping the server fires AgentMetricsServerDown to the pager receiver, a restart resolves it")
  void serverDownAlertFiresAndResolves(Environment environment) {
    Stack stack = environment.stack();
    AlertReceiver receiver = environment.receiver();
    Map<String, String> labels =
        Map.of("alertname", "AgentMetricsServerDown", "job", "agentmetrics");

    Instant stopped = Instant.now();
    stack.stopServer();
    try {
      await("AgentMetricsServerDown in Alertmanager")
          .atMost(FIRING)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> alertmanagerHas(stack.alertmanager(), "AgentMetricsServerDown"));
      await("AgentMetricsServerDown notification")
          .atMost(FIRING)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> startedAfter(receiver.alerts("firing", labels), stopped).isPresent());
    } finally {
      stack.restartServer();
    }
    ReceivedAlert firing = startedAfter(receiver.alerts("firing", labels), stopped).orElseThrow();
    assertThat(firing.receiver()).as("critical alerts route to the pager").isEqualTo("pager");
    assertThat(firing.alert().at("/labels/severity").asText()).isEqualTo("critical");
    assertThat(firing.alert().at("/annotations/runbook_url").asText())
        .endsWith("#agentmetricsserverdown");

    String startsAt = firing.alert().path("startsAt").asText();
    await("resolved AgentMetricsServerDown notification")
        .atMost(RESOLVED)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> sameAlert(receiver.alerts("resolved", labels), startsAt).isPresent());
    ReceivedAlert resolved = sameAlert(receiver.alerts("resolved", labels), startsAt).orElseThrow();
    assertThat(resolved.receiver()).isEqualTo("pager");
    environment.note(timings(firing, resolved));
  }

  /** The first alert that became active after {@code instant} (the server stopped then). */
  private static Optional<ReceivedAlert> startedAfter(List<ReceivedAlert> alerts, Instant instant) {
    return alerts.stream()
        .filter(a -> !Instant.parse(a.alert().path("startsAt").asText()).isBefore(instant))
        .findFirst();
  }

  /** The alert with this {@code startsAt}: the same alert instance, in another notification. */
  private static Optional<ReceivedAlert> sameAlert(List<ReceivedAlert> alerts, String startsAt) {
    return alerts.stream()
        .filter(a -> a.alert().path("startsAt").asText().equals(startsAt))
        .findFirst();
  }

  /** {@code errors} failed and {@code successes} successful LLM calls to {@link #PROVIDER}. */
  private static List<Map<String, Object>> llmCalls(int errors, int successes) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < errors + successes; i++) {
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("type", "llm_call");
      call.put("provider", PROVIDER);
      call.put("model", "llama-3.3-70b");
      call.put("agent", "alerts-check");
      call.put("duration_seconds", 0.3);
      if (i < errors) {
        call.put("error_type", "RateLimitError");
      } else {
        call.put("input_tokens", 100);
        call.put("output_tokens", 20);
      }
      events.add(call);
    }
    return events;
  }

  private static String timings(ReceivedAlert firing, ReceivedAlert resolved) {
    return "firing (startsAt "
        + firing.alert().path("startsAt").asText()
        + ") and resolved (endsAt "
        + resolved.alert().path("endsAt").asText()
        + ") notifications received from receiver "
        + firing.receiver()
        + " (the receivers' own Slack/PagerDuty payloads, redirected to loopback, are not asserted)";
  }

  /** Whether Alertmanager holds an active alert named {@code alertname}. */
  /** The distinct states (active, suppressed) of an alert in Alertmanager. */
  private static java.util.Set<String> alertmanagerStates(URI alertmanager, String alertname) {
    String filter = URLEncoder.encode("alertname=\"" + alertname + "\"", StandardCharsets.UTF_8);
    java.util.Set<String> states = new java.util.TreeSet<>();
    Http.getJson(alertmanager.resolve("/api/v2/alerts?filter=" + filter))
        .forEach(alert -> states.add(alert.at("/status/state").asText()));
    return states;
  }

  private static boolean alertmanagerHas(URI alertmanager, String alertname) {
    String filter = URLEncoder.encode("alertname=\"" + alertname + "\"", StandardCharsets.UTF_8);
    JsonNode alerts = Http.getJson(alertmanager.resolve("/api/v2/alerts?filter=" + filter));
    return alerts.isArray() && !alerts.isEmpty();
  }
}
