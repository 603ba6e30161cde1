package io.agentmetrics.server.cli;

import io.agentmetrics.core.BudgetsFile;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.core.PriceTable;
import io.agentmetrics.core.SystemMetrics;
import io.agentmetrics.server.MetricsServer;
import io.agentmetrics.server.demo.DemoWorkload;
import io.agentmetrics.server.http.HttpAuth;
import io.agentmetrics.server.http.TlsKeyStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar agentmetrics-server.jar}: runs the metrics server until SIGTERM. */
@Command(
    name = "agentmetrics-server",
    mixinStandardHelpOptions = true,
    versionProvider = ServerCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Serves /metrics to Prometheus, accepts agent events on POST /api/v1/events and,",
      "with --demo, simulates a fleet of agents. Every option has an environment variable."
    },
    footer = {
      "",
      "Secrets are read from the environment or from files, never from the command line:",
      "  AGENTMETRICS_METRICS_TOKEN, AGENTMETRICS_METRICS_PASSWORD, AGENTMETRICS_INGEST_TOKEN,",
      "  AGENTMETRICS_INGEST_PASSWORD, AGENTMETRICS_TLS_KEYSTORE_PASSWORD.",
      "A token enables bearer auth, a user and password basic auth, separately for /metrics",
      "and for ingest. Nothing is required by default."
    })
public final class ServerCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "${env:AGENTMETRICS_PORT:-9464}",
      description =
          "Port to listen on; 0 picks a free one (env AGENTMETRICS_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "${env:AGENTMETRICS_BIND:-127.0.0.1}",
      description =
          "Address to bind (env AGENTMETRICS_BIND, default ${DEFAULT-VALUE}: this host only;"
              + " 0.0.0.0 for every interface, as in a container).")
  String bind;

  @Option(
      names = "--grpc-port",
      defaultValue = "${env:AGENTMETRICS_GRPC_PORT:-4317}",
      description =
          "OTLP/gRPC port on the same address; 0 picks a free one, -1 serves none (env AGENTMETRICS_GRPC_PORT, default ${DEFAULT-VALUE}, OTLP's).")
  int grpcPort;

  @Option(
      names = "--metrics-path",
      defaultValue = "${env:AGENTMETRICS_METRICS_PATH:-/metrics}",
      description = "Scrape path (env AGENTMETRICS_METRICS_PATH, default ${DEFAULT-VALUE}).")
  String metricsPath;

  @Option(
      names = "--metrics-token-file",
      defaultValue = "${env:AGENTMETRICS_METRICS_TOKEN_FILE}",
      description =
          "File holding the bearer token for /metrics (env AGENTMETRICS_METRICS_TOKEN_FILE, or the token in AGENTMETRICS_METRICS_TOKEN).")
  Path metricsTokenFile;

  @Option(
      names = "--metrics-user",
      defaultValue = "${env:AGENTMETRICS_METRICS_USER}",
      description =
          "Basic auth user for /metrics (env AGENTMETRICS_METRICS_USER); needs a password.")
  String metricsUser;

  @Option(
      names = "--metrics-password-file",
      defaultValue = "${env:AGENTMETRICS_METRICS_PASSWORD_FILE}",
      description =
          "File holding the basic auth password for /metrics (env AGENTMETRICS_METRICS_PASSWORD_FILE, or the password in AGENTMETRICS_METRICS_PASSWORD).")
  Path metricsPasswordFile;

  @Option(
      names = "--ingest-token-file",
      defaultValue = "${env:AGENTMETRICS_INGEST_TOKEN_FILE}",
      description =
          "File holding the bearer token for ingest (env AGENTMETRICS_INGEST_TOKEN_FILE, or the token in AGENTMETRICS_INGEST_TOKEN).")
  Path ingestTokenFile;

  @Option(
      names = "--ingest-user",
      defaultValue = "${env:AGENTMETRICS_INGEST_USER}",
      description = "Basic auth user for ingest (env AGENTMETRICS_INGEST_USER); needs a password.")
  String ingestUser;

  @Option(
      names = "--ingest-password-file",
      defaultValue = "${env:AGENTMETRICS_INGEST_PASSWORD_FILE}",
      description =
          "File holding the basic auth password for ingest (env AGENTMETRICS_INGEST_PASSWORD_FILE, or the password in AGENTMETRICS_INGEST_PASSWORD).")
  Path ingestPasswordFile;

  @Option(
      names = "--cors-origins",
      split = ",",
      defaultValue = "${env:AGENTMETRICS_CORS_ORIGINS}",
      description =
          "Comma-separated origins allowed by CORS, * for any (env AGENTMETRICS_CORS_ORIGINS, default none).")
  List<String> corsOrigins;

  @Option(
      names = "--demo",
      defaultValue = "${env:AGENTMETRICS_DEMO:-false}",
      fallbackValue = "true",
      arity = "0..1",
      description =
          "Simulate a fleet of agents so that every metric has data (env AGENTMETRICS_DEMO).")
  boolean demo;

  @Option(
      names = "--demo-seed",
      defaultValue = "${env:AGENTMETRICS_DEMO_SEED:-42}",
      description =
          "Seed of the demo workload; the same seed gives the same events (env AGENTMETRICS_DEMO_SEED, default ${DEFAULT-VALUE}).")
  long demoSeed;

  @Option(
      names = "--log-format",
      defaultValue = "${env:AGENTMETRICS_LOG_FORMAT:-text}",
      description =
          "Log format: ${COMPLETION-CANDIDATES} (env AGENTMETRICS_LOG_FORMAT, default ${DEFAULT-VALUE}).")
  LogFormat logFormat;

  @Option(
      names = "--max-body-bytes",
      defaultValue = "${env:AGENTMETRICS_MAX_BODY_BYTES:-20971520}",
      description =
          "Largest ingest body; larger ones get 413 (env AGENTMETRICS_MAX_BODY_BYTES, default ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(
      names = "--body-timeout",
      defaultValue = "${env:AGENTMETRICS_BODY_TIMEOUT:-10}",
      description =
          "Seconds an ingest body may take to arrive whole; slower ones get 408 (env AGENTMETRICS_BODY_TIMEOUT, default ${DEFAULT-VALUE}).")
  long bodyTimeoutSeconds;

  @Option(
      names = "--series-cap",
      defaultValue = "${env:AGENTMETRICS_SERIES_CAP:-2000}",
      description =
          "Series per metric before new label values go to _other (env AGENTMETRICS_SERIES_CAP, default ${DEFAULT-VALUE}).")
  int seriesCap;

  @Option(
      names = "--budgets-file",
      defaultValue = "${env:AGENTMETRICS_BUDGETS_FILE}",
      description =
          "CSV of spending budgets (period,team,limit_usd), set at startup so that they survive restarts (env AGENTMETRICS_BUDGETS_FILE).")
  Path budgetsFile;

  @Option(
      names = "--in-flight-expiry",
      defaultValue = "${env:AGENTMETRICS_IN_FLIGHT_EXPIRY:-120}",
      description =
          "Seconds an in_flight or queue report counts without a newer one from its source (env AGENTMETRICS_IN_FLIGHT_EXPIRY, default ${DEFAULT-VALUE}); agents report at least twice as often.")
  long inFlightExpirySeconds;

  @Option(
      names = "--prices-file",
      defaultValue = "${env:AGENTMETRICS_PRICES_FILE}",
      description =
          "CSV of model prices that override or extend the bundled table (env AGENTMETRICS_PRICES_FILE).")
  Path pricesFile;

  @Option(
      names = "--tls-keystore",
      defaultValue = "${env:AGENTMETRICS_TLS_KEYSTORE}",
      description =
          "PKCS12 or JKS keystore: serve HTTPS instead of HTTP (env AGENTMETRICS_TLS_KEYSTORE).")
  Path tlsKeystore;

  @Option(
      names = "--tls-keystore-password-file",
      defaultValue = "${env:AGENTMETRICS_TLS_KEYSTORE_PASSWORD_FILE}",
      description =
          "File holding the keystore password (env AGENTMETRICS_TLS_KEYSTORE_PASSWORD_FILE, or the password in AGENTMETRICS_TLS_KEYSTORE_PASSWORD).")
  Path tlsKeystorePasswordFile;

  @Option(
      names = "--shutdown-timeout",
      defaultValue = "${env:AGENTMETRICS_SHUTDOWN_TIMEOUT:-10}",
      description =
          "Seconds to let requests in flight complete on SIGTERM (env AGENTMETRICS_SHUTDOWN_TIMEOUT, default ${DEFAULT-VALUE}).")
  int shutdownTimeoutSeconds;

  /**
   * The largest --series-cap: a million series of one metric is already more than a server holds.
   */
  private static final int MAX_SERIES_CAP = 1_000_000;

  private static final String JETTY_REFERENCES_PER_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  private final Secrets secrets;
  private final List<String> secretValues = new ArrayList<>();
  private MetricsServer server;

  /** A command reading secrets from {@code env}. */
  public ServerCommand(Map<String, String> env) {
    this.secrets = new Secrets(env);
  }

  /** Runs the server; returns with the JVM's non-daemon server threads still serving. */
  public static void main(String[] args) {
    giveJettyTheReferenceSize();
    listLocalesMeanwhile();
    ServerCommand command = new ServerCommand(System.getenv());
    int exitCode = commandLine(command).execute(args);
    if (exitCode != 0 || command.server == null) {
      System.exit(exitCode);
    }
  }

  /**
   * Jetty pads its hot counters to a cache line and, unless {@value #JETTY_REFERENCES_PER_LINE} is
   * set, asks the platform MBean server whether references are compressed: starting JMX for that
   * costs about 0.1 s of startup. The JVM compresses references below 32 GiB of heap (its default),
   * 4 bytes each, 16 per 64-byte line; 8 above. Only a padding size: nothing else depends on it.
   */
  static void giveJettyTheReferenceSize() {
    if (System.getProperty(JETTY_REFERENCES_PER_LINE) == null) {
      boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
      System.setProperty(JETTY_REFERENCES_PER_LINE, compressed ? "16" : "8");
    }
  }

  /**
   * Jetty's {@code MimeTypes} lists the JVM's locales when the server is created, about 80 ms of
   * the main thread; the JVM caches that list, so a daemon thread builds it while the main thread
   * parses the options and sets up logging. It logs nothing and changes nothing else.
   */
  static void listLocalesMeanwhile() {
    Thread locales = new Thread(Locale::getAvailableLocales, "agentmetrics-locales");
    locales.setDaemon(true);
    locales.start();
  }

  /**
   * The picocli command line for {@code command}: configuration errors print one line, no trace.
   */
  public static CommandLine commandLine(ServerCommand command) {
    return new CommandLine(command)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(
            (e, args) -> {
              e.getCommandLine()
                  .getErr()
                  .println("agentmetrics-server: " + e.getMessage() + " (see --help)");
              return 2;
            })
        .setExecutionExceptionHandler(
            (e, cli, parsed) -> {
              cli.getErr().println("agentmetrics-server: " + e.getMessage());
              return 2;
            });
  }

  @Override
  public Integer call() {
    checkRanges();
    secrets.refuseBlankVariables();
    logFormat.apply();
    Logger log = LoggerFactory.getLogger(ServerCommand.class);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(SystemMetrics.prometheusNaming()); // before any meter
    PriceTable prices =
        pricesFile == null ? PriceTable.bundled() : PriceTable.bundled().withOverrides(pricesFile);
    BudgetsFile budgets = budgetsFile == null ? null : BudgetsFile.load(budgetsFile);
    MicrometerAgentMetrics metrics =
        MicrometerAgentMetrics.builder(registry)
            .seriesCap(seriesCap)
            .priceTable(prices)
            .inFlightExpiry(Duration.ofSeconds(inFlightExpirySeconds))
            .build();
    if (budgets != null) {
      budgets.applyTo(metrics);
    }
    MetricsServer built = buildServer(registry, metrics);
    SecretRedaction.install(secretValues);
    server = built.start();
    long readyMillis = ManagementFactory.getRuntimeMXBean().getUptime(); // /readyz answers 200
    SystemMetrics.bindTo(registry); // after start: binding the JVM meters takes a while
    DemoWorkload workload = demo ? new DemoWorkload(metrics, demoSeed).start() : null;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping: letting requests in flight complete");
                  if (workload != null) {
                    workload.close();
                  }
                  server.stop();
                  log.info("stopped");
                },
                "agentmetrics-shutdown"));
    log.info(
        "ready in {} ms after JVM start{}",
        readyMillis,
        demo ? " with the demo workload (seed " + demoSeed + ")" : "");
    return 0;
  }

  /** Every numeric option within its range, checked before anything starts. */
  private void checkRanges() {
    requireRange("--port", port, 0, 65535);
    requireRange("--grpc-port", grpcPort, -1, 65535);
    requireRange("--max-body-bytes", maxBodyBytes, 1, MetricsServer.MAX_BODY_BYTES_LIMIT);
    requireRange(
        "--body-timeout", bodyTimeoutSeconds, 1, MetricsServer.MAX_BODY_TIMEOUT.toSeconds());
    requireRange("--series-cap", seriesCap, 1, MAX_SERIES_CAP);
    requireRange("--in-flight-expiry", inFlightExpirySeconds, 1, 86_400);
    requireRange(
        "--shutdown-timeout",
        shutdownTimeoutSeconds,
        0,
        MetricsServer.MAX_SHUTDOWN_TIMEOUT.toSeconds());
  }

  private static void requireRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  private MetricsServer buildServer(
      PrometheusMeterRegistry registry, MicrometerAgentMetrics metrics) {
    String keystorePassword =
        secrets.read("AGENTMETRICS_TLS_KEYSTORE_PASSWORD", tlsKeystorePasswordFile);
    secretValues.add(keystorePassword);
    if (tlsKeystore != null && keystorePassword == null) {
      throw new IllegalArgumentException(
          "--tls-keystore needs AGENTMETRICS_TLS_KEYSTORE_PASSWORD or --tls-keystore-password-file");
    }
    return MetricsServer.builder()
        .host(bind)
        .port(port)
        .grpcPort(grpcPort)
        .path(metricsPath)
        .registry(registry)
        .metrics(metrics)
        .scrapeAuth(auth("METRICS", metricsTokenFile, metricsUser, metricsPasswordFile))
        .ingestAuth(auth("INGEST", ingestTokenFile, ingestUser, ingestPasswordFile))
        .corsOrigins(
            corsOrigins == null
                ? List.of()
                : corsOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList())
        .maxBodyBytes(maxBodyBytes)
        .bodyTimeout(Duration.ofSeconds(bodyTimeoutSeconds))
        .tls(tlsKeystore == null ? null : new TlsKeyStore(tlsKeystore, keystorePassword))
        .shutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds))
        .build();
  }

  private HttpAuth auth(String scope, Path tokenFile, String user, Path passwordFile) {
    if (user != null && user.isBlank()) {
      throw new IllegalArgumentException(
          "the "
              + scope.toLowerCase(Locale.ROOT)
              + " user (--"
              + scope.toLowerCase(Locale.ROOT)
              + "-user or AGENTMETRICS_"
              + scope
              + "_USER) is set but empty");
    }
    String token = secrets.read("AGENTMETRICS_" + scope + "_TOKEN", tokenFile);
    String password = secrets.read("AGENTMETRICS_" + scope + "_PASSWORD", passwordFile);
    if (token != null && (user != null || password != null)) {
      throw new IllegalArgumentException(
          "configure either a token or a user and password for "
              + scope.toLowerCase()
              + ", not both");
    }
    if (token != null) {
      secretValues.add(token);
      return HttpAuth.bearer(token);
    }
    if (user != null || password != null) {
      if (user == null || password == null) {
        throw new IllegalArgumentException(
            "basic auth for " + scope.toLowerCase() + " needs both a user and a password");
      }
      secretValues.add(password);
      secretValues.add(SecretRedaction.basicCredentials(user, password));
      return HttpAuth.basic(user, password);
    }
    return HttpAuth.none();
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ServerCommand.class.getPackage().getImplementationVersion();
      return new String[] {"agentmetrics-server " + (version == null ? "development" : version)};
    }
  }
}
