package io.agentmetrics.stack;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
      names = "--repo-root",
      description = "The repository root (default: the current directory).",
      defaultValue = ".")
  Path repoRoot;

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
      names = "--work-dir",
      description = "Where configs, data and logs go (kept); default a temporary directory.")
  Path workDir;

  @Option(
      names = "--server-jar",
      description = "The server jar (default: metrics-server/target/agentmetrics-server.jar).")
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
    Path root = repoRoot.toAbsolutePath().normalize();
    Path secrets = secretsDir != null ? secretsDir : root.resolve("stack/secrets/alertmanager");
    LocalStack.Builder builder =
        LocalStack.builder()
            .repoRoot(root)
            .serverPort(serverPort)
            .prometheusPort(prometheusPort)
            .alertmanagerPort(alertmanagerPort)
            .nodeExporterPort(nodeExporterPort)
            .demo(!noDemo)
            .serverArgs(serverArgs)
            .alertmanagerSecretsDirectory(Files.isDirectory(secrets) ? secrets : null)
            .workDir(workDir)
            .serverJar(serverJar);
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
    out.println("  metrics server  " + endpoints.server() + "/metrics");
    out.println("  Prometheus      " + endpoints.prometheus());
    out.println("  Alertmanager    " + endpoints.alertmanager());
    out.println("  work directory  " + endpoints.workDir() + " (logs/ has each process's log)");
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

  /** Runs the command; exits when it is stopped. */
  public static void main(String[] args) {
    int exit = new CommandLine(new LocalStackCommand()).execute(args);
    System.exit(exit);
  }
}
