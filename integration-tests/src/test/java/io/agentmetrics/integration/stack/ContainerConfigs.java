package io.agentmetrics.integration.stack;

import io.agentmetrics.integration.support.TestConfigs;
import io.agentmetrics.stack.compose.ComposeFile;
import io.agentmetrics.stack.config.AlertmanagerConfigRenderer;
import io.agentmetrics.stack.config.PrometheusConfigRenderer;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configurations of the Testcontainers backend, rendered with the stack module's renderers from
 * the same files compose mounts: Prometheus scrapes the server on the host and writes to
 * VictoriaMetrics on the host, Alertmanager is reached by its network alias, and every notification
 * goes to the test's receiver on the host. Kept apart from the containers so that they are checked
 * with promtool and amtool where Docker is absent.
 */
final class ContainerConfigs {

  static final String PROMETHEUS_CONFIG = "/etc/prometheus/config/prometheus.yml";
  static final String PROMETHEUS_RULES = "/etc/prometheus/rules";
  static final String ALERTMANAGER_CONFIG = "/etc/alertmanager/notifying/alertmanager.yml";
  static final String ALERTMANAGER_SECRETS = "/etc/alertmanager/secrets";

  private ContainerConfigs() {}

  /**
   * The Prometheus configuration for the container.
   *
   * @param serverAddress the server's {@code host:port} as the container sees it
   * @param remoteWriteAddress VictoriaMetrics' {@code host:port} as the container sees it, if any
   */
  static String prometheus(
      StackSpec spec,
      ComposeFile compose,
      String serverAddress,
      Optional<String> remoteWriteAddress) {
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("metrics-server:8080", serverAddress);
    targets.put("alertmanager:9093", "alertmanager:9093");
    targets.put("localhost:9090", "localhost:9090");
    PrometheusConfigRenderer renderer =
        new PrometheusConfigRenderer(targets, path -> Optional.empty())
            .scrapeInterval(spec.interval())
            .evaluationInterval(spec.interval());
    remoteWriteAddress.ifPresent(
        address -> renderer.remoteWrite(URI.create("http://" + address + "/api/v1/write")));
    Path source =
        compose
            .hostPath("prometheus", PROMETHEUS_CONFIG)
            .orElseThrow(() -> new IllegalStateException("compose mounts no prometheus.yml"));
    return renderer.render(TestConfigs.read(source)).yaml();
  }

  /**
   * The Alertmanager configuration for the container (the test copy with the extra webhook), every
   * notification sent to {@code sink}; secret placeholders are written to {@code secretsDir}, to be
   * copied to {@value #ALERTMANAGER_SECRETS}.
   */
  static String alertmanager(StackSpec spec, URI sink, Path secretsDir) {
    String withWebhook =
        TestConfigs.alertmanagerWithWebhook(
            TestConfigs.read(spec.alertmanagerConfig()), sink, spec.interval());
    AlertmanagerConfigRenderer.Rendered rendered =
        new AlertmanagerConfigRenderer(Path.of(ALERTMANAGER_SECRETS), path -> Optional.empty())
            .keepNotificationsLocal(sink)
            .render(withWebhook);
    for (AlertmanagerConfigRenderer.SecretFile secret : rendered.secretFiles()) {
      TestConfigs.write(secretsDir.resolve(secret.name()), secret.placeholder());
    }
    return rendered.yaml();
  }
}
