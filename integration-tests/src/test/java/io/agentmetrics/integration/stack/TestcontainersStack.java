package io.agentmetrics.integration.stack;

import io.agentmetrics.integration.support.FreePorts;
import io.agentmetrics.stack.compose.ComposeFile;
import io.agentmetrics.stack.config.Yaml;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The stack as containers of the images pinned in {@code stack/compose.yaml} (Prometheus,
 * Alertmanager, Grafana), with the files compose mounts copied to the same container paths, and the
 * metrics server as a process on this machine that the containers reach through {@code
 * host.testcontainers.internal}. Grafana's admin password is generated for each run.
 */
public final class TestcontainersStack implements Stack {

  static final String HOST = "host.testcontainers.internal";
  private static final String PROMETHEUS_CONFIG = ContainerConfigs.PROMETHEUS_CONFIG;
  private static final String PROMETHEUS_RULES = ContainerConfigs.PROMETHEUS_RULES;
  private static final String ALERTMANAGER_CONFIG = ContainerConfigs.ALERTMANAGER_CONFIG;
  private static final String ALERTMANAGER_SECRETS = ContainerConfigs.ALERTMANAGER_SECRETS;

  private final StackSpec spec;
  private final ComposeFile compose;
  private final Network network = Network.newNetwork();
  private final List<GenericContainer<?>> containers = new ArrayList<>();
  private final ServerProcess server;
  private GenericContainer<?> prometheus;
  private GenericContainer<?> alertmanager;
  private GenericContainer<?> grafana;
  private Grafana grafanaAccess;

  private TestcontainersStack(StackSpec spec) {
    this.spec = spec;
    this.compose = ComposeFile.read(spec.composeFile());
    Path workDir = spec.workDir().resolve("testcontainers");
    this.server =
        new ServerProcess(
            spec.serverJar(), FreePorts.next(), workDir.resolve("logs/metrics-server.log"));
  }

  /** Starts the server and the containers; returns once each is ready. */
  public static TestcontainersStack start(StackSpec spec) {
    TestcontainersStack stack = new TestcontainersStack(spec);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() {
    server.start();
    String serverAddress = hostAddress(server.uri().getPort());
    URI sink = URI.create("http://" + hostAddress(spec.receiverPort()) + StackSpec.RECEIVER_PATH);
    Path workDir = spec.workDir().resolve("testcontainers");

    alertmanager = container("alertmanager", "alertmanager", 9093, "/-/ready");
    copyMounts(alertmanager, "alertmanager", List.of(ALERTMANAGER_CONFIG, ALERTMANAGER_SECRETS));
    Path secrets = workDir.resolve("alertmanager-secrets");
    alertmanager
        .withCopyToContainer(
            Transferable.of(ContainerConfigs.alertmanager(spec, sink, secrets)),
            ALERTMANAGER_CONFIG)
        .withCopyFileToContainer(MountableFile.forHostPath(secrets), ALERTMANAGER_SECRETS);
    alertmanager.withCommand(
        "--config.file=" + ALERTMANAGER_CONFIG,
        "--storage.path=/alertmanager",
        "--cluster.listen-address=");
    start(alertmanager);

    prometheus = container("prometheus", "prometheus", 9090, "/-/ready");
    copyMounts(prometheus, "prometheus", List.of(PROMETHEUS_CONFIG, PROMETHEUS_RULES));
    prometheus.withCopyFileToContainer(
        MountableFile.forHostPath(spec.rulesDirectory()), PROMETHEUS_RULES);
    prometheus.withCopyToContainer(
        Transferable.of(
            ContainerConfigs.prometheus(
                spec,
                compose,
                serverAddress,
                spec.remoteWritePort().isPresent()
                    ? Optional.of(hostAddress(spec.remoteWritePort().getAsInt()))
                    : Optional.empty())),
        PROMETHEUS_CONFIG);
    prometheus.withCommand(
        "--config.file=" + PROMETHEUS_CONFIG,
        "--storage.tsdb.path=/prometheus",
        "--web.enable-lifecycle");
    start(prometheus);

    String password = generatedPassword();
    grafana = container("grafana", "grafana", 3000, "/api/health");
    copyMounts(grafana, "grafana", List.of());
    grafana
        .withEnv("GF_SECURITY_ADMIN_USER", "admin")
        .withEnv("GF_SECURITY_ADMIN_PASSWORD", password)
        .withEnv("GF_AUTH_ANONYMOUS_ENABLED", "false")
        .withEnv("GF_USERS_ALLOW_SIGN_UP", "false")
        .withEnv("GF_ANALYTICS_REPORTING_ENABLED", "false")
        .withEnv("GF_ANALYTICS_CHECK_FOR_UPDATES", "false");
    start(grafana);
    grafanaAccess = new Grafana(uri(grafana, 3000), "admin", password);
  }

  private GenericContainer<?> container(String service, String alias, int port, String ready) {
    String image =
        Yaml.read(spec.composeFile()).path("services").path(service).path("image").asText();
    if (image.isEmpty()) {
      throw new IllegalStateException(spec.composeFile() + " has no image for " + service);
    }
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(image))
            .withNetwork(network)
            .withNetworkAliases(alias)
            .withAccessToHost(true)
            .withExposedPorts(port)
            .waitingFor(
                Wait.forHttp(ready).forPort(port).withStartupTimeout(Duration.ofSeconds(120)));
    return container;
  }

  /** Copies every file compose bind-mounts into the service, except the given container paths. */
  private void copyMounts(GenericContainer<?> container, String service, List<String> except) {
    for (ComposeFile.BindMount mount : compose.bindMounts(service)) {
      if (!except.contains(mount.containerPath())) {
        container.withCopyFileToContainer(
            MountableFile.forHostPath(mount.hostPath()), mount.containerPath());
      }
    }
  }

  private void start(GenericContainer<?> container) {
    containers.add(container);
    container.start();
  }

  private static URI uri(GenericContainer<?> container, int port) {
    return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port));
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public Backend backend() {
    return Backend.TESTCONTAINERS;
  }

  @Override
  public URI server() {
    return server.uri();
  }

  @Override
  public URI prometheus() {
    return uri(prometheus, 9090);
  }

  @Override
  public URI alertmanager() {
    return uri(alertmanager, 9093);
  }

  @Override
  public Optional<Grafana> grafana() {
    return Optional.ofNullable(grafanaAccess);
  }

  @Override
  public void stopServer() {
    server.stop();
  }

  @Override
  public void restartServer() {
    server.stop();
    server.start();
  }

  @Override
  public String hostAddress(int port) {
    Testcontainers.exposeHostPorts(port);
    return HOST + ":" + port;
  }

  @Override
  public ExtraPrometheus startPrometheus(String name, String configYaml) {
    GenericContainer<?> extra = container("prometheus", name, 9090, "/-/ready");
    extra
        .withCopyToContainer(Transferable.of(configYaml), PROMETHEUS_CONFIG)
        .withCommand("--config.file=" + PROMETHEUS_CONFIG, "--storage.tsdb.path=/prometheus");
    extra.start();
    URI uri = uri(extra, 9090);
    return new ExtraPrometheus() {
      @Override
      public URI uri() {
        return uri;
      }

      @Override
      public void close() {
        extra.stop();
      }
    };
  }

  @Override
  public void close() {
    for (int i = containers.size() - 1; i >= 0; i--) {
      containers.get(i).stop();
    }
    containers.clear();
    server.close();
    network.close();
  }
}
