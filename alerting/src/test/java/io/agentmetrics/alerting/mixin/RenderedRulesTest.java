package io.agentmetrics.alerting.mixin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** alerting/rules is exactly what the templates render with alerting/mixin/config.yaml. */
class RenderedRulesTest {

  static final Path ROOT =
      Path.of(System.getProperty("agentmetrics.repoRoot", "..")).toAbsolutePath().normalize();
  static final Path TEMPLATES = ROOT.resolve("alerting/mixin/rules");
  static final Path CONFIG = ROOT.resolve("alerting/mixin/config.yaml");
  static final Path KUBERNETES = ROOT.resolve("alerting/mixin/kubernetes.yaml");
  static final Path RUNBOOKS = ROOT.resolve("docs/runbooks.md");

  @Test
  void theConventionsKnowTheConfiguredRunbookBaseUrl() {
    assertThat(MixinConfig.load(java.util.List.of(CONFIG)).global("runbookBaseUrl"))
        .as("runbookBaseUrl of alerting/mixin/config.yaml and RuleConventions.RUNBOOK_BASE")
        .contains(
            io.agentmetrics.alerting.RuleConventions.RUNBOOK_BASE.substring(
                0, io.agentmetrics.alerting.RuleConventions.RUNBOOK_BASE.length() - 1));
  }

  @Test
  void theRuleFilesAreRenderedFromTheTemplates() throws IOException {
    Map<String, String> rendered =
        RuleTemplates.render(TEMPLATES, MixinConfig.load(java.util.List.of(CONFIG)), RUNBOOKS);

    try (Stream<Path> files = Files.list(ROOT.resolve("alerting/rules"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(rendered.keySet());
    }
    for (Map.Entry<String, String> file : rendered.entrySet()) {
      assertThat(Files.readString(ROOT.resolve("alerting/rules").resolve(file.getKey())))
          .as(
              "alerting/rules/%s is stale: render it with ./mvnw -B -q -pl alerting exec:java",
              file.getKey())
          .isEqualTo(file.getValue());
    }
  }
}
