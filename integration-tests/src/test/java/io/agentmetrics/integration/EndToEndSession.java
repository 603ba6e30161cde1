package io.agentmetrics.integration;

import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.integration.stack.Backends;
import io.agentmetrics.integration.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One test run's shared state, kept in JUnit's root store so that every scenario class uses the
 * same running stack and JUnit closes it after the last one: the backend choice, the {@link
 * Environment} (started on first use) and the {@link IntegrationReport}, written when it closes.
 */
final class EndToEndSession implements AutoCloseable {

  private final Path repoRoot;
  private final Path reportDir;
  private final IntegrationReport report = new IntegrationReport();
  private Backends.Choice choice;
  private Environment environment;
  private RuntimeException startFailure;

  EndToEndSession(Path repoRoot, Path reportDir) {
    this.repoRoot = repoRoot;
    this.reportDir = reportDir;
  }

  IntegrationReport report() {
    return report;
  }

  /** The backend label for the report, or empty before (or without) a started environment. */
  synchronized String backendLabel() {
    return environment == null ? "" : environment.stack().backend().label();
  }

  /** The notes the current check left, joined; empty without an environment. */
  synchronized String drainNotes() {
    return environment == null ? "" : String.join("; ", environment.drainNotes());
  }

  /**
   * The running environment, started on first use. Skips (or fails, when required) when no backend
   * is available; fails when the chosen backend does not start.
   */
  synchronized Environment environment() {
    if (choice == null) {
      choice = Backends.choose(repoRoot);
      report.fact(
          "Backend chosen",
          choice.backend().map(b -> b.label()).orElse("none") + " (" + choice.reason() + ")");
      report.fact("Testcontainers backend", choice.testcontainers());
      report.fact(Requirement.PROPERTY, Boolean.toString(Requirement.required()));
      choice
          .backend()
          .ifPresent(
              backend -> {
                Path workDir = reportDir.resolve("it-stack");
                deleteRecursively(workDir);
                try {
                  environment = Environment.start(repoRoot, workDir, backend);
                  describeVersions(environment);
                  report.fact("Work directory (configs, data, logs)", workDir.toString());
                  report.fact(
                      "Alert `for` values shortened in the test copy of the rules",
                      environment.shortenedFor().size()
                          + " (to at most "
                          + Environment.MAX_FOR.toSeconds()
                          + "s; expressions unchanged)");
                  report.fact(
                      "VictoriaMetrics",
                      environment
                          .victoriaMetrics()
                          .map(vm -> "running at " + vm.uri())
                          .orElse(environment.victoriaMetricsMissing()));
                } catch (RuntimeException e) {
                  startFailure = e;
                }
              });
    }
    if (environment != null) {
      return environment;
    }
    if (startFailure != null) {
      throw new IllegalStateException(
          "the "
              + choice.backend().orElseThrow().label()
              + " stack did not start: "
              + startFailure.getMessage(),
          startFailure);
    }
    Requirement.unavailable("No end-to-end backend: " + choice.reason());
    throw new IllegalStateException("unreachable");
  }

  private void describeVersions(Environment started) {
    try {
      report.fact(
          "Prometheus",
          new PrometheusClient(started.stack().prometheus()).buildInfo().path("version").asText());
      report.fact(
          "Alertmanager",
          Http.getJson(started.stack().alertmanager().resolve("/api/v2/status"))
              .at("/versionInfo/version")
              .asText());
    } catch (RuntimeException | AssertionError e) {
      report.fact("Versions", "unknown: " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (environment != null) {
      environment.close();
    }
    Path file = report.write(reportDir);
    System.out.println("\n" + report.markdown() + "\n(written to " + file + ")");
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
