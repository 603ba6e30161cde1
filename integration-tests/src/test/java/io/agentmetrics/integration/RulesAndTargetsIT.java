package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.alerting.Rule;
import io.agentmetrics.alerting.RuleFiles;
import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.integration.support.Ingest;
import io.agentmetrics.stack.RuleHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario b: the alerting module's rules run healthy on the real Prometheus, every target up. */
@Order(1)
@DisplayName("b. Rules and targets")
@ExtendWith(EndToEnd.class)
class RulesAndTargetsIT {

  @Test
  @DisplayName("every scrape target is up")
  void everyTargetIsUp(Environment environment) {
    PrometheusClient prometheus = new PrometheusClient(environment.stack().prometheus());
    await("every target up")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<JsonNode> targets = prometheus.activeTargets();
              Set<String> jobs = new TreeSet<>();
              for (JsonNode target : targets) {
                jobs.add(target.at("/labels/job").asText());
                assertThat(target.path("health").asText())
                    .as(target.path("scrapeUrl").asText() + " " + target.path("lastError").asText())
                    .isEqualTo("up");
              }
              assertThat(jobs).contains("agentmetrics", "prometheus", "alertmanager");
              environment.note(targets.size() + " targets of jobs " + jobs + " up");
            });
  }

  @Test
  @DisplayName("every rule group of alerting/rules is loaded and every rule healthy")
  void everyRuleGroupIsHealthy(Environment environment) {
    PrometheusClient prometheus = new PrometheusClient(environment.stack().prometheus());
    Set<String> expectedGroups = new TreeSet<>();
    RuleFiles.load(environment.repoRoot().resolve("alerting/rules"))
        .forEach(rule -> expectedGroups.add(rule.group()));
    await("every rule evaluated and healthy")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<JsonNode> groups = prometheus.ruleGroups();
              Set<String> loaded = new TreeSet<>();
              for (JsonNode group : groups) {
                loaded.add(group.path("name").asText());
              }
              List<String> unhealthy = RuleHealth.unhealthyRules(groups);
              assertThat(loaded).isEqualTo(expectedGroups);
              assertThat(unhealthy).isEmpty();
              environment.note(loaded.size() + " rule groups loaded, every rule healthy");
            });
  }

  @Test
  @DisplayName("every recording rule produces series from the demo workload and a push")
  void everyRecordingRuleProducesSeries(Environment environment) {
    PrometheusClient prometheus = new PrometheusClient(environment.stack().prometheus());
    // The demo records in-process; one push over HTTP gives the push routes' rules their series.
    new Ingest(environment.stack().server())
        .push(
            List.of(
                Map.<String, Object>of("type", "cache", "cache", "rules-check", "result", "hit")));
    Set<String> recorded = new TreeSet<>();
    for (Rule rule : RuleFiles.load(environment.repoRoot().resolve("alerting/rules"))) {
      if (!rule.alert()) {
        recorded.add(rule.name());
      }
    }
    assertThat(recorded).as("recording rules in alerting/rules").isNotEmpty();
    await("every recording rule has series")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              List<String> empty = new ArrayList<>();
              for (String name : recorded) {
                if (prometheus.vector("group(" + name + ")").isEmpty()) {
                  empty.add(name);
                }
              }
              assertThat(empty).as("recording rules without series").isEmpty();
              environment.note(recorded.size() + " recording rules, each with series");
            });
  }
}
