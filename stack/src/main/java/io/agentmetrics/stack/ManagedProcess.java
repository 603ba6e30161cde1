package io.agentmetrics.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the launcher started, with its output in a log file. Stopping it ends the process and
 * every descendant it started: SIGTERM first, then SIGKILL after a grace period.
 */
public final class ManagedProcess {

  private final String name;
  private final List<String> command;
  private final Process process;
  private final Path logFile;
  private final Set<ProcessHandle> seen = new LinkedHashSet<>();

  private ManagedProcess(String name, List<String> command, Process process, Path logFile) {
    this.name = name;
    this.command = command;
    this.process = process;
    this.logFile = logFile;
    seen.add(process.toHandle());
  }

  /** Starts {@code command}, its stdout and stderr appended to {@code logFile}. */
  public static ManagedProcess start(
      String name, List<String> command, Map<String, String> environment, Path logFile) {
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close(); // no input
      return new ManagedProcess(name, List.copyOf(command), process, logFile);
    } catch (IOException e) {
      throw new LocalStackException(
          "cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
    }
  }

  /** A short name ({@code prometheus}, {@code alertmanager}, {@code metrics-server}). */
  public String name() {
    return name;
  }

  /** The command line it runs. */
  public List<String> command() {
    return command;
  }

  /** Its log file (stdout and stderr). */
  public Path logFile() {
    return logFile;
  }

  /** The process itself. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Whether the process itself is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The process and every descendant seen so far (also the ones that have ended). */
  public synchronized List<ProcessHandle> handles() {
    process.descendants().forEach(seen::add);
    return List.copyOf(seen);
  }

  /** The last {@code lines} lines of its log. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Ends the process and its descendants: SIGTERM, and SIGKILL for whatever is still alive after
   * {@code grace}. Returns once all of them have ended (or after a further 5 seconds).
   */
  public void stop(Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>(handles());
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, grace)) {
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, Duration.ofSeconds(5));
    }
  }

  private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
    CompletableFuture<?>[] exits =
        handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return handles.stream().noneMatch(ProcessHandle::isAlive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return handles.stream().noneMatch(ProcessHandle::isAlive);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
