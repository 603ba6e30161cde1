package io.agentmetrics.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stack/run-local}: the stack as native processes until Ctrl-C or SIGTERM, which stop
 * everything it started.
 */
@Command(
    name = "run-local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the agentmetrics stack without Docker: the Debian-packaged Prometheus and Alertmanager"
          + " with stack/'s configuration (ports and paths substituted) and the metrics server"
          + " with its demo workload. Ctrl-C stops everything it started."
    })
public final class LocalStackCommand implements Callable<Integer> {

  @Option(
      names = "--stack-dir",
      description =
          "The stack directory: compose.yaml and the configuration it mounts (default:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "stack")
  Path stackDirectory;

  @Option(
      names = "--server-port",
      description = "Port of the metrics server; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "8080")
  int serverPort;

  @Option(
      names = "--prometheus-port",
      description = "Port of Prometheus; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "9090")
  int prometheusPort;

  @Option(
      names = "--alertmanager-port",
      description = "Port of Alertmanager; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "9093")
  int alertmanagerPort;

  @Option(
      names = "--node-exporter-port",
      description =
          "Port of Debian's prometheus-node-exporter, started where it is installed; 0 picks a free"
              + " one (default: ${DEFAULT-VALUE}).",
      defaultValue = "9100")
  int nodeExporterPort;

  @Option(
      names = "--postgres-dsn-file",
      description =
          "A file holding a PostgreSQL connection string (postgresql://user:password@host:port/db"
              + "?sslmode=...): starts Debian's prometheus-postgres-exporter against it (job"
              + " postgres). The environment variable AGENTMETRICS_POSTGRES_DSN works too. The"
              + " string is never logged.")
  Path postgresDsnFile;

  @Option(
      names = "--postgres-exporter-port",
      description =
          "Port of the PostgreSQL exporter; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "9187")
  int postgresExporterPort;

  @Option(
      names = "--redis-address",
      description =
          "A Redis to watch (redis://host:port or host:port): starts Debian's"
              + " prometheus-redis-exporter against it (job redis).")
  String redisAddress;

  @Option(names = "--redis-user", description = "The Redis ACL user the exporter logs in as.")
  String redisUser;

  @Option(
      names = "--redis-password-file",
      description =
          "A file holding the Redis password (the environment variable AGENTMETRICS_REDIS_PASSWORD"
              + " works too); never logged.")
  Path redisPasswordFile;

  @Option(
      names = "--redis-exporter-port",
      description = "Port of the Redis exporter; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "9121")
  int redisExporterPort;

  @Option(
      names = "--work-dir",
      description = "Where configs, data and logs go (kept); default a temporary directory.")
  Path workDir;

  @Option(
      names = "--server-jar",
      description = "The metrics server's jar (default: ${DEFAULT-VALUE}).",
      defaultValue = "metrics-server/target/agentmetrics-server.jar")
  Path serverJar;

  @Option(
      names = "--no-demo",
      negatable = false,
      description = "Run the server without its demo workload.")
  boolean noDemo;

  @Option(
      names = "--scrape-interval",
      description = "Override Prometheus's scrape interval, in seconds.")
  Integer scrapeIntervalSeconds;

  @Option(
      names = "--secrets-dir",
      description =
          "Alertmanager secret files to use where present (default: stack/secrets/alertmanager);"
              + " the others get loopback placeholders.")
  Path secretsDir;

  @CommandLine.Parameters(
      arity = "0..*",
      paramLabel = "SERVER_ARG",
      description = "Extra arguments for the metrics server (after --).")
  List<String> serverArgs = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path stackDir = stackDirectory.toAbsolutePath().normalize();
    Path secrets = secretsDir != null ? secretsDir : stackDir.resolve("secrets/alertmanager");
    LocalStack.Builder builder =
        LocalStack.builder()
            .stackDirectory(stackDir)
            .serverPort(serverPort)
            .prometheusPort(prometheusPort)
            .alertmanagerPort(alertmanagerPort)
            .nodeExporterPort(nodeExporterPort)
            .demo(!noDemo)
            .serverArgs(serverArgs)
            .alertmanagerSecretsDirectory(Files.isDirectory(secrets) ? secrets : null)
            .workDir(workDir)
            .serverJar(serverJar);
    try {
      secret(postgresDsnFile, "AGENTMETRICS_POSTGRES_DSN").ifPresent(builder::postgresDsn);
      secret(redisPasswordFile, "AGENTMETRICS_REDIS_PASSWORD").ifPresent(builder::redisPassword);
    } catch (LocalStackException e) {
      spec.commandLine().getErr().println("run-local: " + e.getMessage());
      return 2;
    }
    builder
        .postgresExporterPort(postgresExporterPort)
        .redisAddress(redisAddress)
        .redisUser(redisUser)
        .redisExporterPort(redisExporterPort);
    if (scrapeIntervalSeconds != null) {
      builder.scrapeInterval(Duration.ofSeconds(scrapeIntervalSeconds));
    }
    LocalStack stack = builder.build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.stop();
                  stopped.countDown();
                },
                "local-stack-stop"));
    LocalStack.Endpoints endpoints;
    try {
      endpoints = stack.start();
    } catch (LocalStackException e) {
      spec.commandLine().getErr().println("run-local: " + e.getMessage());
      return 1;
    }
    out.println("agentmetrics stack is running (Ctrl-C stops it):");
    out.println(line("metrics server", endpoints.server() + "/metrics"));
    out.println(line("Prometheus", endpoints.prometheus()));
    out.println(line("Alertmanager", endpoints.alertmanager()));
    endpoints.exporters().forEach((job, address) -> out.println(line(job + " exporter", address)));
    out.println(line("work directory", endpoints.workDir() + " (logs/ has each process's log)"));
    if (!endpoints.droppedScrapeJobs().isEmpty()) {
      out.println(
          "  not run without Docker: "
              + String.join(", ", endpoints.droppedScrapeJobs())
              + " (Grafana and Loki need docker compose)");
    }
    out.println(
        "  a panel says \"No data\"? java -jar dashboards/target/agentmetrics-dashboards.jar"
            + " doctor --prometheus "
            + endpoints.prometheus());
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * A secret from a file (its first line, trimmed), else from the environment variable; the value
   * appears in no message.
   */
  static Optional<String> secret(Path file, String variable) {
    if (file != null) {
      try {
        String value =
            Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (value.isBlank()) {
          throw new LocalStackException(file + " is empty");
        }
        return Optional.of(value.trim());
      } catch (IOException e) {
        throw new LocalStackException("cannot read " + file + ": " + e.getClass().getSimpleName());
      }
    }
    return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
  }

  private static String line(String label, Object value) {
    return String.format("  %-18s %s", label, value);
  }

  /** Runs the command; exits when it is stopped. */
  public static void main(String[] args) {
    int exit = new CommandLine(new LocalStackCommand()).execute(args);
    System.exit(exit);
  }
}
