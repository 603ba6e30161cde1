package io.agentmetrics.alerting.mixin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleTemplatesTest {

  private static final String TEMPLATE =
      """
      groups:
        - name: demo.alerts
          rules:
            - alert: First
              expr: up{${selector}} == 0
              for: ${for}
              labels:
                severity: ${severity}
              annotations:
                summary: More than ${threshold|percent} fail.

            - alert: Second
              expr: vector(${slo.objective})
              labels:
                severity: info
      """;

  @TempDir Path dir;

  private Map<String, String> render(String template, String... configs) throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("demo.yaml"), template);
    List<Path> files = new java.util.ArrayList<>();
    for (int i = 0; i < configs.length; i++) {
      files.add(Files.writeString(dir.resolve("config" + i + ".yaml"), configs[i]));
    }
    Path runbooks =
        Files.writeString(
            dir.resolve("runbooks.md"),
            "# Runbooks\n\n## First\n\n```promql\nrate(x{job=\"$job\", gen_ai_agent_name=\"$agent\"}[5m])\n"
                + "up\n```\n\n## Second\n\nNo query.\n");
    return RuleTemplates.render(templates, MixinConfig.load(files), runbooks);
  }

  private static final String CONFIG =
      """
      selector: 'job="a"'
      slo: {objective: 0.99}
      alerts:
        First: {severity: warning, for: 5m, threshold: 0.05}
      """;

  @Test
  void fillsAlertValuesGlobalsAndPercentages() throws IOException {
    String out = render(TEMPLATE, CONFIG).get("demo.yaml");

    assertThat(out)
        .contains("expr: up{job=\"a\"} == 0", "for: 5m", "severity: warning")
        .contains("summary: More than 5% fail.", "expr: vector(0.99)");
  }

  @Test
  void laterFilesOverrideEarlierOnesKeyByKey() throws IOException {
    String out =
        render(TEMPLATE, CONFIG, "selector: 'job=\"b\"'\nalerts:\n  First: {threshold: 0.125}\n")
            .get("demo.yaml");

    assertThat(out).contains("up{job=\"b\"}", "More than 12.5% fail.", "severity: warning");
  }

  @Test
  void aDisabledAlertIsLeftOutWithItsBlock() throws IOException {
    String out = render(TEMPLATE, CONFIG, "alerts:\n  First: {enabled: false}\n").get("demo.yaml");

    assertThat(out).doesNotContain("First", "up{").contains("- alert: Second");
    assertThat(out).startsWith("groups:\n  - name: demo.alerts\n    rules:\n      - alert: Second");
  }

  @Test
  void aPlaceholderTheConfigurationLacksNamesFileLineAndKey() {
    assertThatThrownBy(() -> render(TEMPLATE.replace("${for}", "${duration}"), CONFIG))
        .hasMessageContaining("demo.yaml:6: ${duration} is not in the configuration");
  }

  @Test
  void aConfiguredAlertNoTemplateDefinesIsAnError() {
    assertThatThrownBy(() -> render(TEMPLATE, CONFIG, "alerts:\n  Frist: {severity: critical}\n"))
        .hasMessageContaining("alerts.Frist names an alert that no template defines");
  }

  @Test
  void theFirstQueryOfTheRunbookBecomesTheQueryAnnotationWithTheAlertsLabels() throws IOException {
    String template =
        TEMPLATE.replace(
            "summary: More than ${threshold|percent} fail.",
            "summary: More than ${threshold|percent} fail.\n"
                + "          runbook_url: ${runbookBaseUrl}#first");
    String out =
        render(template, CONFIG, "runbookBaseUrl: https://wiki.example.org/runbooks\n")
            .get("demo.yaml");

    assertThat(out)
        .contains(
            "          runbook_url: https://wiki.example.org/runbooks#first\n"
                + "          query: 'rate(x{job=\"{{ $labels.job }}\","
                + " gen_ai_agent_name=\"{{ $labels.gen_ai_agent_name }}\"}[5m])'\n");
  }

  @Test
  void anAlertWhoseRunbookSectionHasNoQueryIsAnError() {
    String template =
        TEMPLATE.replace(
            "severity: info",
            "severity: info\n        annotations:\n          runbook_url: x#second");

    assertThatThrownBy(() -> render(template, CONFIG))
        .hasMessageContaining("demo.yaml:17: the runbooks have no first query for Second");
  }

  @Test
  void aConfigurationForPagersRefusesRunbookLinksOnLocalhost() {
    for (String base :
        List.of("http://localhost:8080/runbooks", "http://127.0.0.1:8080/runbooks", "''")) {
      assertThatThrownBy(
              () ->
                  render(
                      TEMPLATE,
                      CONFIG,
                      "runbookLinksMustOpenAnywhere: true\nrunbookBaseUrl: " + base + "\n"))
          .as(base)
          .hasMessageContaining("cannot be opened from a pager app on a phone");
    }
  }

  @Test
  void aConfiguredValueNoTemplateReadsIsAnError() {
    assertThatThrownBy(() -> render(TEMPLATE, CONFIG, "alerts:\n  First: {minRuns: 20}\n"))
        .hasMessageContaining("alerts.First.minRuns is read by no template");
  }
}
