package io.agentmetrics.stack.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.compose.SilentAlertmanagerConfig;
import io.agentmetrics.stack.config.GeneratedHeader;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster's AlertmanagerConfig: generated from the alerting module's Alertmanager file, with
 * the same grouping, routes and inhibition rules in the operator's schema, and part of the base.
 */
class KubernetesAlertmanagerConfigTest {

  private final Path source = RepoFiles.resolve(SilentAlertmanagerConfig.SOURCE);
  private final Path generated =
      RepoFiles.stackDirectory().resolve(KubernetesAlertmanagerConfig.FILE);

  @Test
  void theGeneratedFileIsUpToDate() throws Exception {
    assertThat(Files.readString(generated))
        .as("stale; regenerate with: " + GeneratedHeader.REGENERATE_COMMAND)
        .isEqualTo(KubernetesAlertmanagerConfig.render(Files.readString(source)));
  }

  @Test
  void itGroupsRoutesAndInhibitsAsTheAlertingModulesConfiguration() {
    JsonNode original = Yaml.read(source);
    JsonNode config = Yaml.read(generated);

    assertThat(config.path("kind").asText()).isEqualTo("AlertmanagerConfig");
    JsonNode route = config.at("/spec/route");
    assertThat(route.path("groupBy")).isEqualTo(original.at("/route/group_by"));
    assertThat(route.path("routes")).hasSameSizeAs(original.at("/route/routes"));
    JsonNode rules = config.at("/spec/inhibitRules");
    assertThat(rules).hasSameSizeAs(original.path("inhibit_rules"));
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      JsonNode expected = original.path("inhibit_rules").get(i);
      assertThat(rule.path("equal")).isEqualTo(expected.path("equal"));
      assertThat(asText(rule.path("sourceMatch")))
          .isEqualTo(asStrings(expected.path("source_matchers")));
      assertThat(asText(rule.path("targetMatch")))
          .isEqualTo(asStrings(expected.path("target_matchers")));
    }
    List<String> receivers = new ArrayList<>();
    config.at("/spec/receivers").forEach(r -> receivers.add(r.path("name").asText()));
    assertThat(receivers).contains("pager", "chat", "webhook");
    config.at("/spec/receivers").forEach(r -> assertThat(r.size()).as(r.toString()).isOne());
  }

  @Test
  void theBaseIncludesIt() throws Exception {
    assertThat(Files.readString(RepoFiles.resolve("stack/kubernetes/kustomization.yaml")))
        .contains("- generated/alertmanagerconfig.yaml");
  }

  @Test
  void aMatcherItCannotReadIsAnError() {
    String config =
        "route: {receiver: a}\n"
            + "inhibit_rules:\n"
            + "  - source_matchers: [severity critical]\n"
            + "    target_matchers: ['severity = \"warning\"']\n"
            + "    equal: [job]\n"
            + "receivers: [{name: a}]\n";

    assertThatThrownBy(() -> KubernetesAlertmanagerConfig.render(config))
        .hasMessageContaining("matcher 'severity critical' is not name op \"value\"");
  }

  private static List<String> asText(JsonNode matchers) {
    List<String> out = new ArrayList<>();
    matchers.forEach(
        m ->
            out.add(
                m.path("name").asText()
                    + " "
                    + m.path("matchType").asText()
                    + " \""
                    + m.path("value").asText()
                    + "\""));
    return out;
  }

  private static List<String> asStrings(JsonNode strings) {
    List<String> out = new ArrayList<>();
    strings.forEach(s -> out.add(s.asText()));
    return out;
  }
}
