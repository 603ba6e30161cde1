package io.agentmetrics.stack;

import io.agentmetrics.stack.config.AlertmanagerConfigRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a {@link LocalStack} starts and how; made with {@link LocalStack#builder()}. */
public final class LocalStackOptions {

  /** The server jar that {@code ./mvnw package} builds, relative to the repository root. */
  public static final String SERVER_JAR = "metrics-server/target/agentmetrics-server.jar";

  private final Builder b;

  private LocalStackOptions(Builder builder) {
    this.b = builder;
  }

  Path composeFile() {
    return b.composeFile != null ? b.composeFile : b.repoRoot.resolve("stack/compose.yaml");
  }

  Optional<Path> workDir() {
    return Optional.ofNullable(b.workDir);
  }

  String bindHost() {
    return b.bindHost;
  }

  int serverPort() {
    return b.serverPort;
  }

  int prometheusPort() {
    return b.prometheusPort;
  }

  int alertmanagerPort() {
    return b.alertmanagerPort;
  }

  List<String> serverCommand() {
    if (b.serverCommand != null) {
      return b.serverCommand;
    }
    Path jar = b.serverJar != null ? b.serverJar : b.repoRoot.resolve(SERVER_JAR);
    if (!Files.isRegularFile(jar)) {
      throw new LocalStackException(
          "the metrics server jar "
              + jar
              + " does not exist: build it with ./mvnw -B -q -DskipTests package -pl metrics-server -am");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-jar", jar.toString());
  }

  /** Whether the server is the agentmetrics jar (which takes {@code --bind}), not a command. */
  boolean runsServerJar() {
    return b.serverCommand == null;
  }

  boolean demo() {
    return b.demo;
  }

  List<String> serverArgs() {
    return List.copyOf(b.serverArgs);
  }

  Map<String, String> serverEnvironment() {
    return Map.copyOf(b.serverEnvironment);
  }

  String serverReadyPath() {
    return b.serverReadyPath;
  }

  Optional<Duration> scrapeInterval() {
    return Optional.ofNullable(b.scrapeInterval);
  }

  Optional<Duration> evaluationInterval() {
    return Optional.ofNullable(b.evaluationInterval);
  }

  List<URI> remoteWrite() {
    return List.copyOf(b.remoteWrite);
  }

  URI notificationSink() {
    return b.notificationSink;
  }

  Map<String, URI> receiverSinks() {
    return Map.copyOf(b.receiverSinks);
  }

  String prometheusBinary() {
    return b.prometheusBinary;
  }

  String alertmanagerBinary() {
    return b.alertmanagerBinary;
  }

  Duration readyTimeout() {
    return b.readyTimeout;
  }

  /** The value of a secret file: given to the builder, else from the secrets directory. */
  Optional<String> secretValue(String name) {
    if (b.secrets.containsKey(name)) {
      return Optional.of(b.secrets.get(name));
    }
    if (b.secretsDirectory != null && Files.isRegularFile(b.secretsDirectory.resolve(name))) {
      try {
        return Optional.of(
            Files.readString(b.secretsDirectory.resolve(name), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read secret " + name, e);
      }
    }
    return Optional.empty();
  }

  /** Builds a {@link LocalStack}. Every setting but the repository root has a default. */
  public static final class Builder {
    private Path repoRoot;
    private Path composeFile;
    private Path workDir;
    private String bindHost = "127.0.0.1";
    private int serverPort;
    private int prometheusPort;
    private int alertmanagerPort;
    private Path serverJar;
    private List<String> serverCommand;
    private boolean demo = true;
    private final List<String> serverArgs = new ArrayList<>();
    private final Map<String, String> serverEnvironment = new LinkedHashMap<>();
    private String serverReadyPath = "/readyz";
    private Duration scrapeInterval;
    private Duration evaluationInterval;
    private final List<URI> remoteWrite = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private Path secretsDirectory;
    private URI notificationSink = AlertmanagerConfigRenderer.DISCARD;
    private final Map<String, URI> receiverSinks = new LinkedHashMap<>();
    private String prometheusBinary = "prometheus";
    private String alertmanagerBinary = "prometheus-alertmanager";
    private Duration readyTimeout = Duration.ofSeconds(60);

    Builder() {}

    /** The repository root (required): configs, rules and the server jar are found from it. */
    public Builder repoRoot(Path repoRoot) {
      this.repoRoot = repoRoot.toAbsolutePath().normalize();
      return this;
    }

    /** The compose file whose configs and mounts are used; default {@code stack/compose.yaml}. */
    public Builder composeFile(Path composeFile) {
      this.composeFile = composeFile;
      return this;
    }

    /**
     * Where rendered configs, data and logs go; default a new temporary directory, deleted by
     * {@link LocalStack#stop()}. A directory given here is kept.
     */
    public Builder workDir(Path workDir) {
      this.workDir = workDir;
      return this;
    }

    /** The address every process listens on; default {@code 127.0.0.1}. */
    public Builder bindHost(String bindHost) {
      this.bindHost = Objects.requireNonNull(bindHost);
      return this;
    }

    /** The metrics server's port; 0 (the default) picks a free one. */
    public Builder serverPort(int port) {
      this.serverPort = port;
      return this;
    }

    /** Prometheus's port; 0 (the default) picks a free one. */
    public Builder prometheusPort(int port) {
      this.prometheusPort = port;
      return this;
    }

    /** Alertmanager's port; 0 (the default) picks a free one. */
    public Builder alertmanagerPort(int port) {
      this.alertmanagerPort = port;
      return this;
    }

    /** The server's shaded jar; default {@value #SERVER_JAR} under the repository root. */
    public Builder serverJar(Path jar) {
      this.serverJar = jar;
      return this;
    }

    /**
     * A command that starts the server instead of {@code java -jar}; it gets {@code --port N},
     * {@code --demo} (unless turned off) and the extra arguments appended. (The jar also gets
     * {@code --bind} with the bind host.)
     */
    public Builder serverCommand(List<String> command) {
      this.serverCommand = List.copyOf(command);
      return this;
    }

    /** Whether the server runs its demo workload ({@code --demo}); default true. */
    public Builder demo(boolean demo) {
      this.demo = demo;
      return this;
    }

    /** Extra arguments for the server, after {@code --port} and {@code --demo}. */
    public Builder serverArgs(List<String> args) {
      this.serverArgs.addAll(args);
      return this;
    }

    /** An environment variable for the server process. */
    public Builder serverEnvironment(String name, String value) {
      this.serverEnvironment.put(name, value);
      return this;
    }

    /** The server path that answers 200 when it is ready; default {@code /readyz}. */
    public Builder serverReadyPath(String path) {
      this.serverReadyPath = path;
      return this;
    }

    /** Overrides Prometheus's scrape interval (tests use a short one); default the config's. */
    public Builder scrapeInterval(Duration interval) {
      this.scrapeInterval = interval;
      return this;
    }

    /** Overrides Prometheus's rule evaluation interval; default the config's. */
    public Builder evaluationInterval(Duration interval) {
      this.evaluationInterval = interval;
      return this;
    }

    /** Adds a Prometheus {@code remote_write} endpoint (VictoriaMetrics, for example). */
    public Builder remoteWrite(URI url) {
      this.remoteWrite.add(url);
      return this;
    }

    /**
     * The content of an Alertmanager secret file, by file name (a webhook URL for a test's
     * receiver, say). Secrets nobody supplies get a harmless loopback placeholder.
     */
    public Builder alertmanagerSecret(String fileName, String value) {
      this.secrets.put(fileName, value);
      return this;
    }

    /** A directory of real secret files (by file name) to use where present. */
    public Builder alertmanagerSecretsDirectory(Path directory) {
      this.secretsDirectory = directory;
      return this;
    }

    /**
     * Where Alertmanager sends every notification (webhook, Slack, PagerDuty ...): the
     * configuration's endpoints are replaced so nothing leaves this machine. Default: the discard
     * port on loopback, where nobody listens. E-mail always goes to 127.0.0.1:9.
     */
    public Builder notificationSink(URI sink) {
      this.notificationSink = Objects.requireNonNull(sink);
      return this;
    }

    /** Where one receiver's notifications go (a test's webhook receiver, say). */
    public Builder receiverSink(String receiver, URI sink) {
      this.receiverSinks.put(receiver, sink);
      return this;
    }

    /** The Prometheus binary; default {@code prometheus} from the PATH. */
    public Builder prometheusBinary(String binary) {
      this.prometheusBinary = binary;
      return this;
    }

    /** The Alertmanager binary; default Debian's {@code prometheus-alertmanager}. */
    public Builder alertmanagerBinary(String binary) {
      this.alertmanagerBinary = binary;
      return this;
    }

    /** How long {@link LocalStack#start()} waits for every process to be ready; default 60 s. */
    public Builder readyTimeout(Duration timeout) {
      this.readyTimeout = timeout;
      return this;
    }

    /** The stack, not yet started. Later changes to this builder do not affect it. */
    public LocalStack build() {
      if (repoRoot == null) {
        throw new IllegalStateException("repoRoot is required");
      }
      return new LocalStack(new LocalStackOptions(copy()));
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.repoRoot = repoRoot;
      copy.composeFile = composeFile;
      copy.workDir = workDir;
      copy.bindHost = bindHost;
      copy.serverPort = serverPort;
      copy.prometheusPort = prometheusPort;
      copy.alertmanagerPort = alertmanagerPort;
      copy.serverJar = serverJar;
      copy.serverCommand = serverCommand;
      copy.demo = demo;
      copy.serverArgs.addAll(serverArgs);
      copy.serverEnvironment.putAll(serverEnvironment);
      copy.serverReadyPath = serverReadyPath;
      copy.scrapeInterval = scrapeInterval;
      copy.evaluationInterval = evaluationInterval;
      copy.remoteWrite.addAll(remoteWrite);
      copy.secrets.putAll(secrets);
      copy.secretsDirectory = secretsDirectory;
      copy.notificationSink = notificationSink;
      copy.receiverSinks.putAll(receiverSinks);
      copy.prometheusBinary = prometheusBinary;
      copy.alertmanagerBinary = alertmanagerBinary;
      copy.readyTimeout = readyTimeout;
      return copy;
    }
  }
}
