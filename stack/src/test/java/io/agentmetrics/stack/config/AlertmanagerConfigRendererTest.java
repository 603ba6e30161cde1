package io.agentmetrics.stack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.compose.ComposeFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertmanagerConfigRendererTest {

  private static final String CONFIG =
      """
      global:
        slack_api_url_file: /etc/alertmanager/secrets/slack-api-url
        smtp_auth_password_file: /etc/alertmanager/secrets/smtp-password
      templates:
        - /etc/alertmanager/templates/*.tmpl
      route:
        receiver: default
      receivers:
        - name: default
          webhook_configs:
            - url_file: /etc/alertmanager/secrets/webhook-url
              http_config:
                authorization:
                  credentials_file: /etc/alertmanager/secrets/webhook-token
        - name: pager
          pagerduty_configs:
            - routing_key_file: /etc/alertmanager/secrets/pagerduty-routing-key
      """;

  private final Path secrets = Path.of("/work/secrets");
  private final AlertmanagerConfigRenderer renderer =
      new AlertmanagerConfigRenderer(
          secrets,
          path ->
              path.startsWith("/etc/alertmanager/templates/")
                  ? Optional.of(Path.of("/repo/alerting/templates").resolve(path.substring(28)))
                  : Optional.empty());

  @Test
  void movesEverySecretFileIntoTheSecretsDirectory() {
    AlertmanagerConfigRenderer.Rendered rendered = renderer.render(CONFIG);
    JsonNode config = Yaml.parse(rendered.yaml());

    assertThat(config.at("/global/slack_api_url_file").asText())
        .isEqualTo("/work/secrets/slack-api-url");
    assertThat(config.at("/receivers/0/webhook_configs/0/url_file").asText())
        .isEqualTo("/work/secrets/webhook-url");
    assertThat(
            config
                .at("/receivers/0/webhook_configs/0/http_config/authorization/credentials_file")
                .asText())
        .isEqualTo("/work/secrets/webhook-token");
    assertThat(config.at("/receivers/1/pagerduty_configs/0/routing_key_file").asText())
        .isEqualTo("/work/secrets/pagerduty-routing-key");
    assertThat(rendered.secretFilesByName().keySet())
        .containsExactly(
            "slack-api-url",
            "smtp-password",
            "webhook-url",
            "webhook-token",
            "pagerduty-routing-key");
  }

  @Test
  void givesUrlSecretsALoopbackPlaceholderAndOthersAPlainOne() {
    var secretFiles = renderer.render(CONFIG).secretFilesByName();

    assertThat(secretFiles.get("webhook-url").placeholder())
        .isEqualTo(AlertmanagerConfigRenderer.PLACEHOLDER_URL)
        .startsWith("http://127.0.0.1:");
    assertThat(secretFiles.get("slack-api-url").placeholder())
        .isEqualTo(AlertmanagerConfigRenderer.PLACEHOLDER_URL);
    assertThat(secretFiles.get("smtp-password").placeholder())
        .isEqualTo(AlertmanagerConfigRenderer.PLACEHOLDER_SECRET);
    assertThat(secretFiles.get("webhook-url").originalPath())
        .isEqualTo("/etc/alertmanager/secrets/webhook-url");
  }

  @Test
  void translatesMountedTemplates() {
    JsonNode config = Yaml.parse(renderer.render(CONFIG).yaml());

    assertThat(config.at("/templates/0").asText()).isEqualTo("/repo/alerting/templates/*.tmpl");
  }

  @Test
  void keepsNotificationsLocalWhenAsked() {
    String config =
        """
        global:
          smtp_smarthost: smtp.example.org:587
          slack_api_url_file: /etc/alertmanager/secrets/slack-api-url
        route:
          receiver: chat
        receivers:
          - name: chat
            slack_configs: [{channel: '#alerts'}]
            email_configs: [{to: team@example.org}]
          - name: pager
            pagerduty_configs: [{routing_key_file: /etc/alertmanager/secrets/key}]
          - name: webhook
            webhook_configs: [{url: 'http://alert-webhook:8080/alerts', send_resolved: true}]
          - name: teams
            msteams_configs: [{webhook_url: 'https://example.org/hook'}]
        """;
    JsonNode rendered =
        Yaml.parse(
            renderer
                .keepNotificationsLocal(AlertmanagerConfigRenderer.DISCARD)
                .sink("webhook", URI.create("http://127.0.0.1:4567/hook"))
                .render(config)
                .yaml());

    assertThat(rendered.at("/global/smtp_smarthost").asText()).isEqualTo("127.0.0.1:9");
    assertThat(rendered.at("/receivers/0/slack_configs/0/api_url").asText())
        .isEqualTo("http://127.0.0.1:9/");
    assertThat(rendered.at("/receivers/0/slack_configs/0/channel").asText()).isEqualTo("#alerts");
    assertThat(rendered.at("/receivers/0/email_configs/0/smarthost").asText())
        .isEqualTo("127.0.0.1:9");
    assertThat(rendered.at("/receivers/1/pagerduty_configs/0/url").asText())
        .isEqualTo("http://127.0.0.1:9/");
    assertThat(rendered.at("/receivers/2/webhook_configs/0/url").asText())
        .isEqualTo("http://127.0.0.1:4567/hook");
    assertThat(rendered.at("/receivers/2/webhook_configs/0/send_resolved").asBoolean()).isTrue();
    assertThat(rendered.at("/receivers/3/msteams_configs/0/webhook_url").asText())
        .isEqualTo("http://127.0.0.1:9/");
    assertThat(rendered.at("/route/receiver").asText()).isEqualTo("chat");
  }

  @Test
  void leavesEndpointsAloneUnlessAsked() {
    JsonNode rendered = Yaml.parse(renderer.render(CONFIG).yaml());

    assertThat(rendered.at("/receivers/1/pagerduty_configs/0/url").isMissingNode()).isTrue();
  }

  @Test
  void refusesTwoDifferentSecretsWithOneName() {
    String clash =
        """
        receivers:
          - name: a
            webhook_configs: [{url_file: /a/url}]
          - name: b
            webhook_configs: [{url_file: /b/url}]
        """;
    assertThatThrownBy(() -> renderer.render(clash)).hasMessageContaining("share the name url");
  }

  /** The alerting module's configuration, rendered as run-local does, passes amtool. */
  @Test
  void theAlertingConfigRendersToAValidConfig(@TempDir Path dir) throws Exception {
    Path amtool = NativeTool.require("amtool", "prometheus-alertmanager");
    ComposeFile compose = ComposeFile.read(RepoFiles.resolve("stack/compose.yaml"));
    Path source =
        compose
            .hostPath("alertmanager", "/etc/alertmanager/notifying/alertmanager.yml")
            .orElseThrow();
    assertThat(source).as("the Alertmanager config compose.yaml mounts").isRegularFile();
    AlertmanagerConfigRenderer.Rendered rendered =
        new AlertmanagerConfigRenderer(
                dir.resolve("secrets"), path -> compose.hostPath("alertmanager", path))
            .keepNotificationsLocal(AlertmanagerConfigRenderer.DISCARD)
            .render(Files.readString(source));
    Files.createDirectories(dir.resolve("secrets"));
    for (AlertmanagerConfigRenderer.SecretFile secret : rendered.secretFiles()) {
      Files.writeString(secret.localPath(), secret.placeholder());
    }
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), rendered.yaml());

    NativeTool.Result result =
        NativeTool.run(List.of(amtool.toString(), "check-config", config.toString()), null);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
    assertThat(rendered.yaml()).doesNotContain("example.org:587", "alert-webhook:8080");
    assertThat(rendered.secretFiles()).isNotEmpty();
  }
}
