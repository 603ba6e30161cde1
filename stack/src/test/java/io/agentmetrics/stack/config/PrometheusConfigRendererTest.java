package io.agentmetrics.stack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.compose.ComposeFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConfigRendererTest {

  private static final String CONFIG =
      """
      global:
        scrape_interval: 15s
        scrape_timeout: 10s
        evaluation_interval: 15s
      rule_files:
        - /etc/prometheus/rules/*.yaml
        - /elsewhere/extra.yaml
      alerting:
        alertmanagers:
          - static_configs:
              - targets: ['alertmanager:9093']
      scrape_configs:
        - job_name: agentmetrics
          metrics_path: /metrics
          static_configs:
            - targets: ['metrics-server:8080']
              labels: {env: demo}
        - job_name: node
          static_configs:
            - targets: ['node-exporter:9100']
        - job_name: mixed
          static_configs:
            - targets: ['grafana:3000', 'localhost:9090']
      """;

  private final PrometheusConfigRenderer renderer =
      new PrometheusConfigRenderer(
          Map.of(
              "metrics-server:8080", "127.0.0.1:41000",
              "alertmanager:9093", "127.0.0.1:41001",
              "localhost:9090", "127.0.0.1:41002"),
          path ->
              path.startsWith("/etc/prometheus/rules/")
                  ? Optional.of(Path.of("/repo/alerting/rules").resolve(path.substring(22)))
                  : Optional.empty());

  @Test
  void substitutesTargetsAndAlertmanagers() {
    JsonNode rendered = Yaml.parse(renderer.render(CONFIG).yaml());

    assertThat(targets(rendered.at("/scrape_configs/0"))).containsExactly("127.0.0.1:41000");
    assertThat(rendered.at("/scrape_configs/0/static_configs/0/labels/env").asText())
        .isEqualTo("demo");
    assertThat(rendered.at("/scrape_configs/0/metrics_path").asText()).isEqualTo("/metrics");
    assertThat(rendered.at("/alerting/alertmanagers/0/static_configs/0/targets/0").asText())
        .isEqualTo("127.0.0.1:41001");
  }

  @Test
  void dropsJobsWithoutLocalTargetsAndKeepsTheMappedPartOfOthers() {
    PrometheusConfigRenderer.Rendered rendered = renderer.render(CONFIG);
    JsonNode config = Yaml.parse(rendered.yaml());

    assertThat(rendered.droppedJobs()).containsExactly("node");
    assertThat(jobNames(config)).containsExactly("agentmetrics", "mixed");
    assertThat(targets(config.at("/scrape_configs/1"))).containsExactly("127.0.0.1:41002");
  }

  @Test
  void turnsADnsDiscoveredExporterThatRunsHereIntoAStaticTargetAndDropsTheOthers() {
    String config =
        """
        scrape_configs:
          - job_name: postgres
            dns_sd_configs:
              - names: [postgres-exporter]
                type: A
                port: 9187
            relabel_configs:
              - target_label: environment
                replacement: local
          - job_name: redis
            dns_sd_configs:
              - names: [redis-exporter]
                type: A
                port: 9121
        """;
    PrometheusConfigRenderer.Rendered rendered =
        new PrometheusConfigRenderer(
                Map.of("postgres-exporter:9187", "127.0.0.1:41003"), path -> Optional.empty())
            .render(config);
    JsonNode parsed = Yaml.parse(rendered.yaml());

    assertThat(jobNames(parsed)).containsExactly("postgres");
    assertThat(rendered.droppedJobs()).containsExactly("redis");
    assertThat(targets(parsed.at("/scrape_configs/0"))).containsExactly("127.0.0.1:41003");
    assertThat(parsed.at("/scrape_configs/0/dns_sd_configs").isMissingNode()).isTrue();
    assertThat(parsed.at("/scrape_configs/0/relabel_configs/0/replacement").asText())
        .isEqualTo("local");
  }

  @Test
  void translatesMountedRuleFilesAndKeepsOthers() {
    JsonNode config = Yaml.parse(renderer.render(CONFIG).yaml());

    assertThat(config.at("/rule_files/0").asText()).isEqualTo("/repo/alerting/rules/*.yaml");
    assertThat(config.at("/rule_files/1").asText()).isEqualTo("/elsewhere/extra.yaml");
  }

  @Test
  void overridesIntervalsAndCapsTheTimeout() {
    JsonNode config =
        Yaml.parse(
            renderer
                .scrapeInterval(Duration.ofSeconds(2))
                .evaluationInterval(Duration.ofSeconds(3))
                .render(CONFIG)
                .yaml());

    assertThat(config.at("/global/scrape_interval").asText()).isEqualTo("2s");
    assertThat(config.at("/global/scrape_timeout").asText()).isEqualTo("2s");
    assertThat(config.at("/global/evaluation_interval").asText()).isEqualTo("3s");
  }

  @Test
  void keepsTheTimeoutWhenItFitsAndTheIntervalsWhenNotOverridden() {
    JsonNode longer =
        Yaml.parse(renderer.scrapeInterval(Duration.ofSeconds(30)).render(CONFIG).yaml());
    assertThat(longer.at("/global/scrape_timeout").asText()).isEqualTo("10s");
    assertThat(longer.at("/global/evaluation_interval").asText()).isEqualTo("15s");
  }

  @Test
  void addsRemoteWriteEndpoints() {
    JsonNode config =
        Yaml.parse(
            renderer
                .remoteWrite(URI.create("http://127.0.0.1:8428/api/v1/write"))
                .render(CONFIG)
                .yaml());

    assertThat(config.at("/remote_write/0/url").asText())
        .isEqualTo("http://127.0.0.1:8428/api/v1/write");
  }

  @Test
  void rejectsAConfigThatIsNotAMapping() {
    assertThatThrownBy(() -> renderer.render("- a\n- b\n"))
        .hasMessageContaining("must be a YAML mapping");
  }

  /** The stack's own prometheus.yml, rendered as run-local does, passes promtool with the rules. */
  @Test
  void theStacksConfigRendersToAValidConfigWithTheAlertingRules(@TempDir Path dir)
      throws Exception {
    ComposeFile compose = ComposeFile.read(RepoFiles.resolve("stack/compose.yaml"));
    Path source =
        compose.hostPath("prometheus", "/etc/prometheus/config/prometheus.yml").orElseThrow();
    PrometheusConfigRenderer.Rendered rendered =
        new PrometheusConfigRenderer(
                Map.of(
                    "metrics-server:8080", "127.0.0.1:18080",
                    "alertmanager:9093", "127.0.0.1:19093",
                    "localhost:9090", "127.0.0.1:19090"),
                path -> compose.hostPath("prometheus", path))
            .render(Files.readString(source));
    Path config = Files.writeString(dir.resolve("prometheus.yml"), rendered.yaml());

    String output = Promtool.assertValidConfig(config);

    long ruleFiles;
    try (var files = Files.list(RepoFiles.resolve("alerting/rules"))) {
      ruleFiles = files.filter(file -> file.toString().endsWith(".yaml")).count();
    }
    assertThat(ruleFiles).as("rule files in alerting/rules").isPositive();
    assertThat(output).contains("alerting/rules/");
    assertThat(jobNames(Yaml.parse(rendered.yaml())))
        .containsExactly("agentmetrics", "prometheus", "alertmanager");
    assertThat(rendered.droppedJobs())
        .containsExactly("grafana", "loki", "node", "postgres", "redis", "cadvisor");
  }

  /** The compose config itself (container paths) is valid as it is. */
  @Test
  void theStacksConfigIsValidAsWritten() {
    Promtool.assertValidConfig(RepoFiles.resolve("stack/prometheus/prometheus.yml"));
  }

  private static List<String> targets(JsonNode job) {
    List<String> targets = new ArrayList<>();
    job.path("static_configs")
        .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
    return targets;
  }

  private static List<String> jobNames(JsonNode config) {
    List<String> names = new ArrayList<>();
    config.path("scrape_configs").forEach(job -> names.add(job.path("job_name").asText()));
    return names;
  }
}
