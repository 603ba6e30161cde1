package io.agentmetrics.integration.stack;

import static io.agentmetrics.integration.stack.ContainerConfigs.ALERTMANAGER_CONFIG;
import static io.agentmetrics.integration.stack.ContainerConfigs.ALERTMANAGER_SECRETS;
import static io.agentmetrics.integration.stack.ContainerConfigs.PROMETHEUS_CONFIG;
import static io.agentmetrics.integration.stack.ContainerConfigs.PROMETHEUS_RULES;

import io.agentmetrics.stack.compose.ComposeFile;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The containers of the Testcontainers backend, defined but not started: the image each compose
 * service pins, its compose service name as network alias, the files compose bind-mounts copied to
 * the same container paths (the test copies replacing rules and Alertmanager configuration), and
 * readiness waits. Defining them needs no Docker, so their definitions are unit-tested here.
 */
final class ContainerDefinitions {

  static final int PROMETHEUS_PORT = 9090;
  static final int ALERTMANAGER_PORT = 9093;
  static final int GRAFANA_PORT = 3000;

  private final ComposeFile compose;
  private final Path composeFile;
  private final Network network;

  ContainerDefinitions(Path composeFile, Network network) {
    this.composeFile = composeFile;
    this.compose = ComposeFile.read(composeFile);
    this.network = network;
  }

  ComposeFile compose() {
    return compose;
  }

  /** The image {@code service} pins in the compose file. */
  DockerImageName image(String service) {
    String image = Yaml.read(composeFile).path("services").path(service).path("image").asText();
    if (image.isEmpty()) {
      throw new IllegalStateException(composeFile + " has no image for " + service);
    }
    return DockerImageName.parse(image);
  }

  /** Alertmanager with {@code config} and the secret files of {@code secretsDir}. */
  GenericContainer<?> alertmanager(String config, Path secretsDir) {
    GenericContainer<?> container =
        container("alertmanager", "alertmanager", ALERTMANAGER_PORT, "/-/ready");
    copyMounts(container, "alertmanager", List.of(ALERTMANAGER_CONFIG, ALERTMANAGER_SECRETS));
    return container
        .withCopyToContainer(Transferable.of(config), ALERTMANAGER_CONFIG)
        .withCopyFileToContainer(MountableFile.forHostPath(secretsDir), ALERTMANAGER_SECRETS)
        .withCommand(
            "--config.file=" + ALERTMANAGER_CONFIG,
            "--storage.path=/alertmanager",
            "--cluster.listen-address=");
  }

  /** Prometheus with {@code config} and the rule files of {@code rulesDirectory}. */
  GenericContainer<?> prometheus(String alias, String config, Path rulesDirectory) {
    GenericContainer<?> container = container("prometheus", alias, PROMETHEUS_PORT, "/-/ready");
    copyMounts(container, "prometheus", List.of(PROMETHEUS_CONFIG, PROMETHEUS_RULES));
    if (rulesDirectory != null) {
      container.withCopyFileToContainer(
          MountableFile.forHostPath(rulesDirectory), PROMETHEUS_RULES);
    }
    return container
        .withCopyToContainer(Transferable.of(config), PROMETHEUS_CONFIG)
        .withCommand(
            "--config.file=" + PROMETHEUS_CONFIG,
            "--storage.tsdb.path=/prometheus",
            "--web.enable-lifecycle");
  }

  /**
   * Grafana with the stack's provisioning (datasources and the dashboards module's files) and
   * {@code password} for its admin; anonymous access and sign-up off.
   */
  GenericContainer<?> grafana(String password) {
    GenericContainer<?> container = container("grafana", "grafana", GRAFANA_PORT, "/api/health");
    copyMounts(container, "grafana", List.of());
    return container
        .withEnv("GF_SECURITY_ADMIN_USER", "admin")
        .withEnv("GF_SECURITY_ADMIN_PASSWORD", password)
        .withEnv("GF_AUTH_ANONYMOUS_ENABLED", "false")
        .withEnv("GF_USERS_ALLOW_SIGN_UP", "false")
        .withEnv("GF_ANALYTICS_REPORTING_ENABLED", "false")
        .withEnv("GF_ANALYTICS_CHECK_FOR_UPDATES", "false");
  }

  private GenericContainer<?> container(String service, String alias, int port, String ready) {
    return new GenericContainer<>(image(service))
        .withNetwork(network)
        .withNetworkAliases(alias)
        .withAccessToHost(true)
        .withExposedPorts(port)
        .waitingFor(Wait.forHttp(ready).forPort(port).withStartupTimeout(Duration.ofSeconds(120)));
  }

  /**
   * Copies every file compose bind-mounts into the service, except mounts that hold one of the
   * given container paths (the caller copies its own there).
   */
  private void copyMounts(GenericContainer<?> container, String service, List<String> except) {
    for (ComposeFile.BindMount mount : compose.bindMounts(service)) {
      if (except.stream()
          .noneMatch(
              path ->
                  path.equals(mount.containerPath())
                      || path.startsWith(mount.containerPath() + "/"))) {
        container.withCopyFileToContainer(
            MountableFile.forHostPath(mount.hostPath()), mount.containerPath());
      }
    }
  }
}
