package io.agentmetrics.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.stack.compose.ComposeFile;
import io.agentmetrics.stack.config.AlertmanagerConfigRenderer;
import io.agentmetrics.stack.config.PrometheusConfigRenderer;
import io.agentmetrics.stack.config.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stack of {@code stack/compose.yaml} as native processes, for machines without Docker: the
 * Debian-packaged Prometheus and Alertmanager with the stack's own configuration files (targets,
 * ports and paths substituted through the compose file's mounts) and the metrics server; Debian's
 * node exporter where it is installed, and the PostgreSQL and Redis exporters when pointed at a
 * database ({@link Builder#postgresDsn}) or a Redis ({@link Builder#redisAddress}).
 *
 * <pre>{@code
 * try (LocalStack stack =
 *     LocalStack.builder().stackDirectory(Path.of("stack")).serverJar(serverJar).build()) {
 *   LocalStack.Endpoints endpoints = stack.start(); // returns once all three are ready
 *   ...endpoints.prometheus()...
 * } // stops every process it started, descendants included
 * }</pre>
 *
 * Grafana and Loki are not started: they have no Debian package.
 */
public final class LocalStack implements AutoCloseable {

  /** The compose address of the metrics server in {@code prometheus.yml}. */
  public static final String SERVER_TARGET = "metrics-server:8080";

  /** The compose address of the node exporter in {@code prometheus.yml}. */
  public static final String NODE_EXPORTER_TARGET = "node-exporter:9100";

  /** The compose address of the PostgreSQL exporter in {@code prometheus.yml}. */
  public static final String POSTGRES_EXPORTER_TARGET = "postgres-exporter:9187";

  /** The compose address of the Redis exporter in {@code prometheus.yml}. */
  public static final String REDIS_EXPORTER_TARGET = "redis-exporter:9121";

  /** The compose address of Alertmanager in {@code prometheus.yml}. */
  public static final String ALERTMANAGER_TARGET = "alertmanager:9093";

  /** Prometheus's own address in {@code prometheus.yml}. */
  public static final String PROMETHEUS_SELF_TARGET = "localhost:9090";

  static final String PROMETHEUS_CONFIG = "/etc/prometheus/config/prometheus.yml";
  static final String ALERTMANAGER_CONFIG = "/etc/alertmanager/notifying/alertmanager.yml";
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final LocalStackOptions options;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final List<ProcessHandle> everStarted = new ArrayList<>();
  private Path workDir;
  private boolean ownsWorkDir;
  private Endpoints endpoints;
  private ManagedProcess server;
  private List<String> serverCommand;
  private Map<String, String> serverEnvironment;

  LocalStack(LocalStackOptions options) {
    this.options = options;
  }

  /** A builder; only the repository root is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Renders the configurations, starts Alertmanager, the metrics server and Prometheus, and returns
   * once each answers its readiness endpoint. On failure, stops whatever it started and throws a
   * {@link LocalStackException} with the failing process's log.
   */
  public synchronized Endpoints start() {
    if (endpoints != null) {
      throw new IllegalStateException("already started");
    }
    try {
      return doStart();
    } catch (RuntimeException e) {
      stopProcesses();
      throw e;
    }
  }

  private Endpoints doStart() {
    workDir = options.workDir().orElse(null);
    ownsWorkDir = workDir == null;
    workDir = ownsWorkDir ? createTempDir() : createDirectories(workDir);
    ComposeFile compose = ComposeFile.read(options.composeFile());
    String host = options.bindHost();
    int serverPort = Ports.resolve(options.serverPort(), host);
    int alertmanagerPort = Ports.resolve(options.alertmanagerPort(), host);
    int prometheusPort = Ports.resolve(options.prometheusPort(), host);
    URI serverUri = URI.create("http://" + host + ":" + serverPort);
    URI alertmanagerUri = URI.create("http://" + host + ":" + alertmanagerPort);
    URI prometheusUri = URI.create("http://" + host + ":" + prometheusPort);

    // Debian's node exporter, where installed: the host's CPU, memory, disk and network.
    Optional<String> nodeExporterBinary = options.nodeExporterBinary();
    int nodeExporterPort =
        nodeExporterBinary.isPresent() ? Ports.resolve(options.nodeExporterPort(), host) : 0;

    Map<String, String> exporterTargets = new LinkedHashMap<>();
    if (nodeExporterPort > 0) {
      exporterTargets.put(NODE_EXPORTER_TARGET, host + ":" + nodeExporterPort);
    }
    int postgresExporterPort =
        options.postgresDsn().isPresent() ? Ports.resolve(options.postgresExporterPort(), host) : 0;
    if (postgresExporterPort > 0) {
      exporterTargets.put(POSTGRES_EXPORTER_TARGET, host + ":" + postgresExporterPort);
    }
    int redisExporterPort =
        options.redisAddress().isPresent() ? Ports.resolve(options.redisExporterPort(), host) : 0;
    if (redisExporterPort > 0) {
      exporterTargets.put(REDIS_EXPORTER_TARGET, host + ":" + redisExporterPort);
    }

    // Every exporter asked for must be installed before anything starts.
    String postgresExporter =
        postgresExporterPort > 0
            ? options.requireInstalled(options.postgresExporterBinary(), "--postgres-dsn-file")
            : null;
    String redisExporter =
        redisExporterPort > 0
            ? options.requireInstalled(options.redisExporterBinary(), "--redis-address")
            : null;

    Path alertmanagerConfig = writeAlertmanagerConfig(compose);
    PrometheusConfigRenderer.Rendered prometheusConfig =
        renderPrometheusConfig(
            compose, serverPort, alertmanagerPort, prometheusPort, exporterTargets);
    Path prometheusConfigFile =
        TextFiles.write(workDir.resolve("prometheus.yml"), prometheusConfig.yaml());

    ManagedProcess alertmanager =
        launch(
            "alertmanager",
            List.of(
                options.alertmanagerBinary(),
                "--config.file=" + alertmanagerConfig,
                "--storage.path=" + createDirectories(workDir.resolve("alertmanager-data")),
                "--web.listen-address=" + host + ":" + alertmanagerPort,
                "--web.external-url=" + alertmanagerUri,
                "--cluster.listen-address="),
            Map.of());

    serverCommand = new ArrayList<>(options.serverCommand());
    serverCommand.addAll(List.of("--port", Integer.toString(serverPort)));
    if (options.serverPort() == 0) {
      // A stack on free ports (the tests'): OTLP/gRPC on one too, not on OTLP's 4317.
      serverCommand.addAll(List.of("--grpc-port", "0"));
    }
    if (options.runsServerJar()) {
      serverCommand.addAll(List.of("--bind", host));
    }
    if (options.demo()) {
      serverCommand.add("--demo");
    }
    serverCommand.addAll(options.serverArgs());
    serverEnvironment = options.serverEnvironment();
    server = launch("metrics-server", serverCommand, serverEnvironment);

    ManagedProcess prometheus =
        launch(
            "prometheus",
            List.of(
                options.prometheusBinary(),
                "--config.file=" + prometheusConfigFile,
                "--storage.tsdb.path=" + createDirectories(workDir.resolve("prometheus-data")),
                "--web.listen-address=" + host + ":" + prometheusPort,
                "--web.external-url=" + prometheusUri,
                "--web.enable-lifecycle",
                "--web.enable-admin-api"),
            Map.of());

    Map<ManagedProcess, Integer> exporters = new LinkedHashMap<>();
    if (nodeExporterBinary.isPresent()) {
      exporters.put(
          launch(
              "node-exporter",
              List.of(
                  nodeExporterBinary.get(),
                  "--web.listen-address=" + host + ":" + nodeExporterPort),
              Map.of()),
          nodeExporterPort);
    }
    if (postgresExporter != null) {
      exporters.put(
          launchPostgresExporter(postgresExporter, host, postgresExporterPort),
          postgresExporterPort);
    }
    if (redisExporter != null) {
      exporters.put(launchRedisExporter(redisExporter, host, redisExporterPort), redisExporterPort);
    }

    Instant deadline = Instant.now().plus(options.readyTimeout());
    exporters.forEach(
        (exporter, port) ->
            Readiness.await(
                exporter, URI.create("http://" + host + ":" + port + "/metrics"), deadline));
    Readiness.await(alertmanager, alertmanagerUri.resolve("/-/ready"), deadline);
    Readiness.await(server, serverUri.resolve(options.serverReadyPath()), deadline);
    Readiness.await(prometheus, prometheusUri.resolve("/-/ready"), deadline);
    Map<String, URI> exporterUris = new LinkedHashMap<>();
    if (nodeExporterPort > 0) {
      exporterUris.put("node", URI.create("http://" + host + ":" + nodeExporterPort + "/metrics"));
    }
    if (postgresExporterPort > 0) {
      exporterUris.put(
          "postgres", URI.create("http://" + host + ":" + postgresExporterPort + "/metrics"));
    }
    if (redisExporterPort > 0) {
      exporterUris.put(
          "redis", URI.create("http://" + host + ":" + redisExporterPort + "/metrics"));
    }
    endpoints =
        new Endpoints(
            serverUri,
            prometheusUri,
            alertmanagerUri,
            Collections.unmodifiableMap(exporterUris),
            workDir,
            prometheusConfig.droppedJobs());
    return endpoints;
  }

  /**
   * Debian's postgres_exporter with the DSN in its environment (never on its command line or in a
   * log) and the stack's pg_stat_statements query file.
   */
  private ManagedProcess launchPostgresExporter(String binary, String host, int port) {
    return launch(
        "postgres-exporter",
        List.of(
            binary,
            "--web.listen-address=" + host + ":" + port,
            "--extend.query-path=" + options.postgresQueriesFile()),
        Map.of("DATA_SOURCE_NAME", options.postgresDsn().orElseThrow()));
  }

  /**
   * Debian's redis_exporter; a password goes into a file only this user can read ({@code
   * --redis.password-file}, a JSON object from the address to its password).
   */
  private ManagedProcess launchRedisExporter(String binary, String host, int port) {
    String address = options.redisAddress().orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.add("--web.listen-address=" + host + ":" + port);
    command.add("--redis.addr=" + address);
    options.redisUser().ifPresent(user -> command.add("--redis.user=" + user));
    if (options.redisPassword().isPresent()) {
      Path passwords =
          createDirectories(workDir.resolve("secrets")).resolve("redis-passwords.json");
      TextFiles.writePrivate(passwords, jsonObject(Map.of(address, options.redisPassword().get())));
      command.add("--redis.password-file=" + passwords);
    }
    return launch("redis-exporter", command, Map.of());
  }

  private static String jsonObject(Map<String, String> entries) {
    try {
      return new ObjectMapper().writeValueAsString(entries);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a map of strings always serializes
    }
  }

  private Path writeAlertmanagerConfig(ComposeFile compose) {
    Path source = requireMounted(compose, "alertmanager", ALERTMANAGER_CONFIG);
    Path secrets = createDirectories(workDir.resolve("secrets"));
    AlertmanagerConfigRenderer renderer =
        new AlertmanagerConfigRenderer(secrets, path -> compose.hostPath("alertmanager", path))
            .keepNotificationsLocal(options.notificationSink());
    options.receiverSinks().forEach(renderer::sink);
    AlertmanagerConfigRenderer.Rendered rendered = renderer.render(TextFiles.read(source));
    for (AlertmanagerConfigRenderer.SecretFile secret : rendered.secretFiles()) {
      TextFiles.write(
          secret.localPath(), options.secretValue(secret.name()).orElse(secret.placeholder()));
    }
    return TextFiles.write(workDir.resolve("alertmanager.yml"), rendered.yaml());
  }

  private PrometheusConfigRenderer.Rendered renderPrometheusConfig(
      ComposeFile compose,
      int serverPort,
      int alertmanagerPort,
      int prometheusPort,
      Map<String, String> exporterTargets) {
    Path source = requireMounted(compose, "prometheus", PROMETHEUS_CONFIG);
    String host = options.bindHost();
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put(SERVER_TARGET, host + ":" + serverPort);
    targets.put(ALERTMANAGER_TARGET, host + ":" + alertmanagerPort);
    targets.put(PROMETHEUS_SELF_TARGET, host + ":" + prometheusPort);
    targets.putAll(exporterTargets);
    PrometheusConfigRenderer renderer =
        new PrometheusConfigRenderer(targets, path -> compose.hostPath("prometheus", path));
    options.scrapeInterval().ifPresent(renderer::scrapeInterval);
    options.evaluationInterval().ifPresent(renderer::evaluationInterval);
    options.remoteWrite().forEach(renderer::remoteWrite);
    return renderer.render(TextFiles.read(source));
  }

  private static Path requireMounted(ComposeFile compose, String service, String containerPath) {
    Optional<Path> hostPath = compose.hostPath(service, containerPath);
    if (hostPath.isEmpty() || !Files.isRegularFile(hostPath.get())) {
      throw new LocalStackException(
          compose.file()
              + ": the "
              + service
              + " service's "
              + containerPath
              + " is "
              + hostPath
                  .map(path -> "mounted from " + path + ", which does not exist")
                  .orElse("not mounted"));
    }
    return hostPath.get();
  }

  private ManagedProcess launch(String name, List<String> command, Map<String, String> env) {
    ManagedProcess process =
        ManagedProcess.start(name, command, env, workDir.resolve("logs").resolve(name + ".log"));
    processes.add(process);
    everStarted.add(process.handle());
    return process;
  }

  /** The endpoints of the running stack. */
  public synchronized Endpoints endpoints() {
    if (endpoints == null) {
      throw new IllegalStateException("not started");
    }
    return endpoints;
  }

  /** The processes it started and has not stopped. */
  public synchronized List<ManagedProcess> processes() {
    return List.copyOf(processes);
  }

  /**
   * Every process it has started since it was built, with their descendants seen so far, whether or
   * not they are still running (for checking that none is left after {@link #stop()}).
   */
  public synchronized List<ProcessHandle> startedProcessHandles() {
    List<ProcessHandle> handles = new ArrayList<>(everStarted);
    processes.forEach(process -> handles.addAll(process.handles()));
    return handles.stream().distinct().toList();
  }

  /**
   * Stops only the metrics server (its scrape target goes down, as when a real server fails). Start
   * it again with {@link #restartServer()}.
   */
  public synchronized void stopServer() {
    if (server != null) {
      everStarted.addAll(server.handles());
      server.stop(STOP_GRACE);
      processes.remove(server);
      server = null;
    }
  }

  /** Starts the metrics server again on the same port, and waits until it is ready. */
  public synchronized void restartServer() {
    Endpoints running = endpoints();
    stopServer();
    server = launch("metrics-server", serverCommand, serverEnvironment);
    Readiness.await(
        server,
        running.server().resolve(options.serverReadyPath()),
        Instant.now().plus(options.readyTimeout()));
  }

  /** Stops every process it started (SIGTERM, then SIGKILL after 10 s), descendants included. */
  public synchronized void stop() {
    stopProcesses();
    if (ownsWorkDir && workDir != null) {
      deleteRecursively(workDir);
      workDir = null;
    }
    endpoints = null;
  }

  private void stopProcesses() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      ManagedProcess process = processes.get(i);
      everStarted.addAll(process.handles());
      process.stop(STOP_GRACE);
    }
    processes.clear();
    server = null;
  }

  @Override
  public void close() {
    stop();
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("agentmetrics-stack-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp directory left behind is harmless
    }
  }

  /**
   * Where the running stack answers.
   *
   * @param server the metrics server's base URL
   * @param prometheus Prometheus's base URL
   * @param alertmanager Alertmanager's base URL
   * @param exporters the exporters started, by scrape job ({@code node}, {@code postgres}, {@code
   *     redis}), at their metrics URL
   * @param workDir the directory with the rendered configurations, data and logs
   * @param droppedScrapeJobs scrape jobs of {@code prometheus.yml} not run locally (Grafana, Loki,
   *     node-exporter)
   */
  public record Endpoints(
      URI server,
      URI prometheus,
      URI alertmanager,
      Map<String, URI> exporters,
      Path workDir,
      List<String> droppedScrapeJobs) {}

  /**
   * Builds a {@link LocalStack}. Every setting but the stack directory and the server (its jar or a
   * command) has a default.
   */
  public static final class Builder {
    Path stackDirectory;
    Path composeFile;
    Path workDir;
    String bindHost = "127.0.0.1";
    int serverPort;
    int prometheusPort;
    int alertmanagerPort;
    Path serverJar;
    List<String> serverCommand;
    boolean demo = true;
    final List<String> serverArgs = new ArrayList<>();
    final Map<String, String> serverEnvironment = new LinkedHashMap<>();
    String serverReadyPath = "/readyz";
    Duration scrapeInterval;
    Duration evaluationInterval;
    final List<URI> remoteWrite = new ArrayList<>();
    final Map<String, String> secrets = new LinkedHashMap<>();
    Path secretsDirectory;
    URI notificationSink = AlertmanagerConfigRenderer.DISCARD;
    final Map<String, URI> receiverSinks = new LinkedHashMap<>();
    String prometheusBinary = "prometheus";
    String alertmanagerBinary = "prometheus-alertmanager";
    String nodeExporterBinary = "prometheus-node-exporter";
    int nodeExporterPort;
    String postgresExporterBinary = "prometheus-postgres-exporter";
    String postgresDsn;
    int postgresExporterPort;
    String redisExporterBinary = "prometheus-redis-exporter";
    String redisAddress;
    String redisUser;
    String redisPassword;
    int redisExporterPort;
    Duration readyTimeout = Duration.ofSeconds(60);

    Builder() {}

    /**
     * The stack's directory (required): {@code compose.yaml}, whose mounts name every
     * configuration, rule and dashboard file, and the exporters' files beside it.
     */
    public Builder stackDirectory(Path directory) {
      this.stackDirectory = directory.toAbsolutePath().normalize();
      return this;
    }

    /**
     * The compose file whose configs and mounts are used; default {@code compose.yaml} in the stack
     * directory.
     */
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

    /**
     * The server's shaded jar ({@code metrics-server/target/agentmetrics-server.jar} once built):
     * required unless a {@link #serverCommand} starts the server.
     */
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

    /**
     * The node exporter to start where it is installed, {@code prometheus-node-exporter} (Debian's
     * package) by default; empty to start none.
     */
    public Builder nodeExporterBinary(String binary) {
      this.nodeExporterBinary = binary;
      return this;
    }

    /** The node exporter's port; 0 (the default) picks a free one. */
    public Builder nodeExporterPort(int port) {
      this.nodeExporterPort = port;
      return this;
    }

    /**
     * Starts Debian's {@code prometheus-postgres-exporter} against this PostgreSQL connection
     * string ({@code postgresql://user:password@host:port/db?sslmode=...}), passed to it in its
     * environment only; Prometheus scrapes it as job {@code postgres}. Default: none.
     */
    public Builder postgresDsn(String dsn) {
      this.postgresDsn = dsn;
      return this;
    }

    /** The PostgreSQL exporter's port; 0 (the default) picks a free one. */
    public Builder postgresExporterPort(int port) {
      this.postgresExporterPort = port;
      return this;
    }

    /** The PostgreSQL exporter binary; default Debian's {@code prometheus-postgres-exporter}. */
    public Builder postgresExporterBinary(String binary) {
      this.postgresExporterBinary = binary;
      return this;
    }

    /**
     * Starts Debian's {@code prometheus-redis-exporter} against this Redis ({@code
     * redis://host:port} or {@code host:port}); Prometheus scrapes it as job {@code redis}.
     */
    public Builder redisAddress(String address) {
      this.redisAddress = address;
      return this;
    }

    /** The Redis ACL user the exporter logs in as; default none (the default user). */
    public Builder redisUser(String user) {
      this.redisUser = user;
      return this;
    }

    /** The Redis password, handed to the exporter in a file only this user can read. */
    public Builder redisPassword(String password) {
      this.redisPassword = password;
      return this;
    }

    /** The Redis exporter's port; 0 (the default) picks a free one. */
    public Builder redisExporterPort(int port) {
      this.redisExporterPort = port;
      return this;
    }

    /** The Redis exporter binary; default Debian's {@code prometheus-redis-exporter}. */
    public Builder redisExporterBinary(String binary) {
      this.redisExporterBinary = binary;
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
      if (stackDirectory == null) {
        throw new IllegalStateException("the stack directory is required");
      }
      if (serverJar == null && serverCommand == null) {
        throw new IllegalStateException("the server jar (or a server command) is required");
      }
      return new LocalStack(new LocalStackOptions(copy()));
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.stackDirectory = stackDirectory;
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
      copy.nodeExporterBinary = nodeExporterBinary;
      copy.nodeExporterPort = nodeExporterPort;
      copy.postgresExporterBinary = postgresExporterBinary;
      copy.postgresDsn = postgresDsn;
      copy.postgresExporterPort = postgresExporterPort;
      copy.redisExporterBinary = redisExporterBinary;
      copy.redisAddress = redisAddress;
      copy.redisUser = redisUser;
      copy.redisPassword = redisPassword;
      copy.redisExporterPort = redisExporterPort;
      copy.readyTimeout = readyTimeout;
      return copy;
    }
  }
}
