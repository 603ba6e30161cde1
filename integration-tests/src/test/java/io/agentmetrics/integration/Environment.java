package io.agentmetrics.integration;

import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.integration.stack.Backend;
import io.agentmetrics.integration.stack.NativeStack;
import io.agentmetrics.integration.stack.Stack;
import io.agentmetrics.integration.stack.StackSpec;
import io.agentmetrics.integration.stack.TestcontainersStack;
import io.agentmetrics.integration.support.AlertReceiver;
import io.agentmetrics.integration.support.TestConfigs;
import io.agentmetrics.integration.support.VictoriaMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the scenarios share, started once per test run: the webhook receiver, a
 * VictoriaMetrics process (when its package is installed) and the stack on the chosen backend.
 */
public final class Environment implements AutoCloseable {

  /** The scrape and rule evaluation interval of the test stack. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  /** The longest {@code for} an alert keeps in the test copy of the rules. */
  public static final Duration MAX_FOR = Duration.ofSeconds(2);

  private final Path repoRoot;
  private final Path workDir;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final Instant startedAt = Instant.now();
  private AlertReceiver receiver;
  private VictoriaMetrics victoriaMetrics;
  private String victoriaMetricsMissing;
  private List<String> shortenedFor = List.of();
  private Stack stack;
  private final List<String> notes = new ArrayList<>();

  private Environment(Path repoRoot, Path workDir) {
    this.repoRoot = repoRoot;
    this.workDir = workDir;
  }

  /** Starts everything on {@code backend}, with configurations, data and logs under workDir. */
  static Environment start(Path repoRoot, Path workDir, Backend backend) {
    Environment environment = new Environment(repoRoot, workDir);
    try {
      environment.startAll(backend);
      return environment;
    } catch (RuntimeException | IOException e) {
      environment.close();
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }

  private void startAll(Backend backend) throws IOException {
    receiver = track(AlertReceiver.start());
    if (NativeTool.find(VictoriaMetrics.BINARY).isPresent()) {
      victoriaMetrics = track(VictoriaMetrics.start(workDir));
    } else {
      victoriaMetricsMissing =
          VictoriaMetrics.BINARY
              + " is not on the PATH: install the Debian package victoria-metrics";
    }
    Path rules = workDir.resolve("rules");
    shortenedFor =
        TestConfigs.copyRulesWithShortFor(repoRoot.resolve("alerting/rules"), rules, MAX_FOR);
    StackSpec spec =
        new StackSpec(
            repoRoot,
            workDir,
            rules,
            repoRoot.resolve("alerting/alertmanager/alertmanager.yml"),
            receiver.port(),
            victoriaMetrics == null ? OptionalInt.empty() : OptionalInt.of(victoriaMetrics.port()),
            INTERVAL);
    spec.copyServerJar();
    stack =
        track(
            backend == Backend.NATIVE ? NativeStack.start(spec) : TestcontainersStack.start(spec));
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.add(resource);
    return resource;
  }

  /** The repository root. */
  public Path repoRoot() {
    return repoRoot;
  }

  /** Where configurations, data and logs of this run are. */
  public Path workDir() {
    return workDir;
  }

  /** When the stack was started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** The running stack. */
  public Stack stack() {
    return stack;
  }

  /** The receiver of Alertmanager's notifications. */
  public AlertReceiver receiver() {
    return receiver;
  }

  /** VictoriaMetrics, which Prometheus remote-writes to; empty when it is not installed. */
  public Optional<VictoriaMetrics> victoriaMetrics() {
    return Optional.ofNullable(victoriaMetrics);
  }

  /** Why there is no VictoriaMetrics (when there is none). */
  public String victoriaMetricsMissing() {
    return victoriaMetricsMissing;
  }

  /** The {@code for} values the test copy of the rules shortened. */
  public List<String> shortenedFor() {
    return shortenedFor;
  }

  /** Adds a fact about the running check (counts, timings) to its row of the report. */
  public synchronized void note(String fact) {
    notes.add(fact);
  }

  /** The notes since the last call, removed. */
  synchronized List<String> drainNotes() {
    List<String> drained = List.copyOf(notes);
    notes.clear();
    return drained;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("cannot stop " + started.get(i) + ": " + e);
      }
    }
    started.clear();
  }
}
