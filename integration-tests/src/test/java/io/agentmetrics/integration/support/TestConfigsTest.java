package io.agentmetrics.integration.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.alerting.Rule;
import io.agentmetrics.alerting.RuleFiles;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.stack.config.PromDuration;
import io.agentmetrics.stack.config.Yaml;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test copies of the rules and the Alertmanager configuration change timing only. */
class TestConfigsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("agentmetrics.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path RULES = ROOT.resolve("alerting/rules");
  private static final URI WEBHOOK = URI.create("http://127.0.0.1:1234/alertmanager");

  @Test
  void theRuleCopyOnlyShortensForAndPromtoolAcceptsIt(@TempDir Path dir) {
    List<String> changes = TestConfigs.copyRulesWithShortFor(RULES, dir, Duration.ofSeconds(2));

    List<Rule> original = RuleFiles.load(RULES);
    List<Rule> copy = RuleFiles.load(dir);
    assertThat(copy).hasSameSizeAs(original);
    long longFor =
        original.stream()
            .filter(
                r -> r.forDuration() != null && PromDuration.parse(r.forDuration()).toSeconds() > 2)
            .count();
    assertThat(changes).hasSize((int) longFor).isNotEmpty();
    for (int i = 0; i < original.size(); i++) {
      Rule before = original.get(i);
      Rule after = copy.get(i);
      assertThat(after.name()).isEqualTo(before.name());
      assertThat(after.group()).isEqualTo(before.group());
      assertThat(after.expr()).isEqualTo(before.expr());
      assertThat(after.labels()).isEqualTo(before.labels());
      assertThat(after.annotations()).isEqualTo(before.annotations());
      if (after.alert()) {
        assertThat(PromDuration.parse(after.forDuration()))
            .isLessThanOrEqualTo(Duration.ofSeconds(2));
      }
    }

    NativeTool.require("promtool", "prometheus");
    List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
    RuleFiles.in(dir).forEach(file -> command.add(file.toString()));
    NativeTool.Result result = NativeTool.run(command, "");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void theAlertmanagerCopyAddsAWebhookToEveryReceiverAndKeepsRouting(@TempDir Path dir) {
    String original = TestConfigs.read(ROOT.resolve("alerting/alertmanager/alertmanager.yml"));
    String copy = TestConfigs.alertmanagerWithWebhook(original, WEBHOOK, Duration.ofSeconds(1));

    JsonNode before = Yaml.parse(original);
    JsonNode after = Yaml.parse(copy);
    assertThat(after.at("/route/group_wait").asText()).isEqualTo("1s");
    assertThat(after.at("/route/group_interval").asText()).isEqualTo("1s");
    assertThat(after.at("/route/routes")).isEqualTo(before.at("/route/routes"));
    assertThat(after.path("inhibit_rules")).isEqualTo(before.path("inhibit_rules"));
    assertThat(after.path("receivers")).hasSameSizeAs(before.path("receivers"));
    for (JsonNode receiver : after.path("receivers")) {
      JsonNode webhooks = receiver.path("webhook_configs");
      JsonNode added = webhooks.get(webhooks.size() - 1);
      assertThat(added.path("url").asText())
          .as(receiver.path("name").asText())
          .isEqualTo(WEBHOOK.toString());
      assertThat(added.path("send_resolved").asBoolean()).isTrue();
    }

    NativeTool.require("amtool", "prometheus-alertmanager");
    Path file = TestConfigs.write(dir.resolve("alertmanager.yml"), copy);
    NativeTool.Result check =
        NativeTool.run(List.of("amtool", "check-config", file.toString()), "");
    assertThat(check.exitCode()).as(check.output()).isZero();
    for (String[] severity : new String[][] {{"critical", "pager"}, {"warning", "chat"}}) {
      NativeTool.Result route =
          NativeTool.run(
              List.of(
                  "amtool",
                  "config",
                  "routes",
                  "test",
                  "--config.file=" + file,
                  "--verify.receivers=" + severity[1],
                  "alertname=AnyAlert",
                  "severity=" + severity[0]),
              "");
      assertThat(route.exitCode()).as(route.output()).isZero();
    }
  }
}
