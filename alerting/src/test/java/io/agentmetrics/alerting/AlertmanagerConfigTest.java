package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.testing.NativeTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** amtool validates the Alertmanager configuration and resolves the receiver of each alert. */
class AlertmanagerConfigTest {

  /** The receiver each severity goes to; the Watchdog goes to the dead man's switch. */
  static final Map<String, String> RECEIVER_BY_SEVERITY =
      Map.of("critical", "pager", "warning", "chat", "info", "webhook");

  private static NativeTool.Result amtool(List<String> args) {
    Path amtool = NativeTool.require("amtool", "prometheus-alertmanager");
    List<String> command = new ArrayList<>();
    command.add(amtool.toString());
    command.addAll(args);
    return NativeTool.run(command, null);
  }

  private static String receiverOf(Map<String, String> labels) {
    List<String> args = new ArrayList<>();
    args.add("config");
    args.add("routes");
    args.add("test");
    args.add("--config.file=" + AlertingFiles.alertmanagerConfig());
    labels.forEach((k, v) -> args.add(k + "=" + v));
    NativeTool.Result result = amtool(args);
    assertThat(result.exitCode()).as(result.output()).isZero();
    List<String> lines =
        result.output().lines().filter(l -> !l.startsWith("Warning:")).map(String::strip).toList();
    assertThat(lines).as(result.output()).hasSize(1);
    return lines.get(0);
  }

  @Test
  void amtoolAcceptsTheConfiguration() {
    NativeTool.Result result =
        amtool(List.of("check-config", AlertingFiles.alertmanagerConfig().toString()));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS", "8 inhibit rules", "4 receivers");
  }

  @ParameterizedTest
  @CsvSource({
    "AgentMetricsServerDown, critical, pager",
    "AgentMetricsTargetDown, warning, chat",
    "AgentMetricsLlmErrorRateHigh, warning, chat",
    "AgentMetricsCostUnknownModel, info, webhook",
    "AgentMetricsWatchdog, info, deadmansswitch",
    "AgentMetricsWatchdog, critical, deadmansswitch",
    "SomeoneElsesAlert, '', chat"
  })
  void routesBySeverityAndTheWatchdogToTheDeadMansSwitch(
      String alertname, String severity, String receiver) {
    Map<String, String> labels =
        severity.isEmpty()
            ? Map.of("alertname", alertname)
            : Map.of("alertname", alertname, "severity", severity, "job", "agent-app");

    assertThat(receiverOf(labels)).isEqualTo(receiver);
  }

  static Stream<Rule> alerts() {
    return RuleFiles.load(AlertingFiles.rulesDir()).stream().filter(Rule::alert);
  }

  @ParameterizedTest
  @MethodSource("alerts")
  void everyAlertOfTheRulesReachesTheReceiverOfItsSeverity(Rule alert) {
    Map<String, String> labels = new java.util.HashMap<>(alert.labels());
    labels.put("alertname", alert.name());
    String expected =
        alert.name().equals(RuleConventions.WATCHDOG)
            ? "deadmansswitch"
            : RECEIVER_BY_SEVERITY.get(alert.severity());

    assertThat(receiverOf(labels)).as(alert.where()).isEqualTo(expected);
  }

  @Test
  void groupsByAlertJobProviderAndAgentAndRepeatsEveryTwelveHours() {
    JsonNode route = RuleFiles.readYaml(AlertingFiles.alertmanagerConfig()).path("route");

    assertThat(route.path("group_by"))
        .extracting(JsonNode::asText)
        .containsExactly("alertname", "job", "gen_ai_provider_name", "gen_ai_agent_name");
    assertThat(route.path("repeat_interval").asText()).isEqualTo("12h");
  }

  @Test
  void criticalInhibitsWarningAndInfoOfTheSameAlertAndJobAndNoRuleHasAnEmptyEqual() {
    JsonNode inhibits =
        RuleFiles.readYaml(AlertingFiles.alertmanagerConfig()).path("inhibit_rules");

    assertThat(inhibits).isNotEmpty();
    for (JsonNode rule : inhibits) {
      assertThat(rule.path("equal")).as(rule.toString()).isNotEmpty();
    }
    assertThat(inhibits)
        .anySatisfy(
            rule -> {
              assertThat(rule.path("source_matchers").get(0).asText())
                  .isEqualTo("severity = \"critical\"");
              assertThat(rule.path("target_matchers").get(0).asText())
                  .isEqualTo("severity =~ \"warning|info\"");
              assertThat(rule.path("equal"))
                  .extracting(JsonNode::asText)
                  .contains("alertname", "job");
            });
  }

  @Test
  void noSecretIsInTheFileOnlyPathsToSecretFiles() {
    JsonNode config = RuleFiles.readYaml(AlertingFiles.alertmanagerConfig());
    List<String> secretFields = new ArrayList<>();
    collectSecretFields(config, "", secretFields);

    assertThat(secretFields)
        .as("secrets must come from *_file fields")
        .allSatisfy(field -> assertThat(field).endsWith("_file"));
    assertThat(secretFields)
        .contains(
            "global.slack_api_url_file",
            "global.smtp_auth_password_file",
            "receivers.pagerduty_configs.routing_key_file",
            "receivers.webhook_configs.http_config.authorization.credentials_file");
    config
        .findValues("url")
        .forEach(url -> assertThat(url.asText()).doesNotContain("@", "?", "token", "key"));
  }

  private static void collectSecretFields(JsonNode node, String path, List<String> out) {
    if (node.isArray()) {
      node.forEach(child -> collectSecretFields(child, path, out));
      return;
    }
    node.properties()
        .forEach(
            e -> {
              String key = e.getKey();
              String at = path.isEmpty() ? key : path + "." + key;
              if (key.matches(
                  ".*(api_url|routing_key|service_key|password|credentials|api_key|token|secret).*")) {
                out.add(at);
              }
              collectSecretFields(e.getValue(), at, out);
            });
  }
}
