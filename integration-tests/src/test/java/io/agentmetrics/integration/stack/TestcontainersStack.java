package io.agentmetrics.integration.stack;

import io.agentmetrics.integration.support.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * The stack as containers of the images pinned in {@code stack/compose.yaml} (Prometheus,
 * Alertmanager, Grafana; see {@link ContainerDefinitions}), and the metrics server as a process on
 * this machine that the containers reach through {@code host.testcontainers.internal}, as they
 * reach the test's webhook receiver and VictoriaMetrics. Grafana's admin password is generated for
 * each run.
 */
public final class TestcontainersStack implements Stack {

  static final String HOST = "host.testcontainers.internal";

  private final StackSpec spec;
  private final Network network = Network.newNetwork();
  private final ContainerDefinitions definitions;
  private final List<GenericContainer<?>> containers = new ArrayList<>();
  private final ServerProcess server;
  private GenericContainer<?> prometheus;
  private GenericContainer<?> alertmanager;
  private Grafana grafana;

  private TestcontainersStack(StackSpec spec) {
    this.spec = spec;
    this.definitions = new ContainerDefinitions(spec.composeFile(), network);
    this.server =
        new ServerProcess(
            spec.serverJar(),
            FreePorts.next(),
            spec.workDir().resolve("testcontainers/logs/metrics-server.log"));
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
    // Every host port a container reaches is exposed before the containers start.
    String serverAddress = hostAddress(server.uri().getPort());
    URI sink = URI.create("http://" + hostAddress(spec.receiverPort()) + StackSpec.RECEIVER_PATH);
    Optional<String> remoteWrite =
        spec.remoteWritePort().isPresent()
            ? Optional.of(hostAddress(spec.remoteWritePort().getAsInt()))
            : Optional.empty();

    Path secrets = spec.workDir().resolve("testcontainers/alertmanager-secrets");
    alertmanager =
        start(
            definitions.alertmanager(ContainerConfigs.alertmanager(spec, sink, secrets), secrets));
    prometheus =
        start(
            definitions.prometheus(
                "prometheus",
                ContainerConfigs.prometheus(
                    spec, definitions.compose(), serverAddress, remoteWrite),
                spec.rulesDirectory()));
    String password = generatedPassword();
    GenericContainer<?> grafanaContainer = start(definitions.grafana(password));
    grafana =
        new Grafana(uri(grafanaContainer, ContainerDefinitions.GRAFANA_PORT), "admin", password);
  }

  private GenericContainer<?> start(GenericContainer<?> container) {
    containers.add(container);
    container.start();
    return container;
  }

  private static URI uri(GenericContainer<?> container, int port) {
    return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port));
  }

  /** A random admin password for Grafana: never a default. */
  static String generatedPassword() {
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
    return uri(prometheus, ContainerDefinitions.PROMETHEUS_PORT);
  }

  @Override
  public URI alertmanager() {
    return uri(alertmanager, ContainerDefinitions.ALERTMANAGER_PORT);
  }

  @Override
  public Optional<Grafana> grafana() {
    return Optional.ofNullable(grafana);
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
    GenericContainer<?> extra = definitions.prometheus(name, configYaml, null);
    extra.start();
    URI uri = uri(extra, ContainerDefinitions.PROMETHEUS_PORT);
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
