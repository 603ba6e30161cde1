package io.agentmetrics.integration.stack;

import io.agentmetrics.integration.support.FreePorts;
import io.agentmetrics.integration.support.Ready;
import io.agentmetrics.integration.support.TestConfigs;
import io.agentmetrics.stack.LocalStack;
import io.agentmetrics.stack.ManagedProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack as processes of the Debian packages, through the stack module's {@link LocalStack} (the
 * launcher behind {@code stack/run-local}): the real Prometheus and Alertmanager with the stack's
 * configurations, and the server jar with {@code --demo}. There is no Grafana: it has no Debian
 * package.
 */
public final class NativeStack implements Stack {

  private final LocalStack stack;
  private final LocalStack.Endpoints endpoints;
  private final Path workDir;

  private NativeStack(LocalStack stack, LocalStack.Endpoints endpoints, Path workDir) {
    this.stack = stack;
    this.endpoints = endpoints;
    this.workDir = workDir;
  }

  /** Starts the stack for {@code spec}; returns once every process is ready. */
  public static NativeStack start(StackSpec spec) {
    Path workDir = spec.workDir().resolve("native");
    URI sink = URI.create("http://127.0.0.1:" + spec.receiverPort() + StackSpec.RECEIVER_PATH);
    // compose mounts the directory of alertmanager.yml: the test copy gets a directory of its own.
    Path alertmanagerConfig =
        TestConfigs.write(
            workDir.resolve("alertmanager-test").resolve("alertmanager.yml"),
            TestConfigs.alertmanagerWithWebhook(
                TestConfigs.read(spec.alertmanagerConfig()), sink, spec.interval()));
    Path compose =
        DerivedCompose.write(
            spec.composeFile(),
            Map.of(
                "/etc/prometheus/rules",
                spec.rulesDirectory(),
                "/etc/alertmanager/notifying",
                alertmanagerConfig.getParent()),
            workDir.resolve("compose.test.yaml"));
    LocalStack.Builder builder =
        LocalStack.builder()
            .stackDirectory(spec.repoRoot().resolve("stack"))
            .composeFile(compose)
            .serverJar(spec.serverJar())
            .workDir(workDir.resolve("stack"))
            .scrapeInterval(spec.interval())
            .evaluationInterval(spec.interval())
            .notificationSink(sink);
    spec.remoteWritePort()
        .ifPresent(
            port -> builder.remoteWrite(URI.create("http://127.0.0.1:" + port + "/api/v1/write")));
    LocalStack stack = builder.build();
    return new NativeStack(stack, stack.start(), workDir);
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  public URI server() {
    return endpoints.server();
  }

  @Override
  public URI prometheus() {
    return endpoints.prometheus();
  }

  @Override
  public URI alertmanager() {
    return endpoints.alertmanager();
  }

  @Override
  public Optional<Grafana> grafana() {
    return Optional.empty();
  }

  @Override
  public void stopServer() {
    stack.stopServer();
  }

  @Override
  public void restartServer() {
    stack.restartServer();
  }

  @Override
  public String hostAddress(int port) {
    return "127.0.0.1:" + port;
  }

  @Override
  public ExtraPrometheus startPrometheus(String name, String configYaml) {
    Path dir = workDir.resolve(name);
    Path config = TestConfigs.write(dir.resolve("prometheus.yml"), configYaml);
    int port = FreePorts.next();
    URI uri = URI.create("http://127.0.0.1:" + port);
    ManagedProcess process =
        ManagedProcess.start(
            name,
            List.of(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port),
            Map.of(),
            dir.resolve("prometheus.log"));
    ExtraPrometheus prometheus =
        new ExtraPrometheus() {
          @Override
          public URI uri() {
            return uri;
          }

          @Override
          public void close() {
            process.stop(Duration.ofSeconds(10));
          }
        };
    try {
      Ready.await200(process, uri.resolve("/-/ready"), Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  @Override
  public void close() {
    stack.stop();
  }
}
