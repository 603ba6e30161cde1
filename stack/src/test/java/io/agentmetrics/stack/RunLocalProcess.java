package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code stack/run-local} as a user runs it, for a test: started with the jars the build has just
 * made ({@code AGENTMETRICS_SKIP_BUILD=1}), its output in a file, stopped with SIGTERM as Ctrl-C or
 * a service manager would.
 */
final class RunLocalProcess implements AutoCloseable {

  private final Process process;
  private final Path output;

  private RunLocalProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts run-local with {@code arguments} in {@code dir}; returns once it printed its URLs. */
  static RunLocalProcess start(Path dir, List<String> arguments) throws IOException {
    Path root = RepoFiles.root();
    for (String jar :
        List.of(
            RepoFiles.SERVER_JAR,
            "stack/target/agentmetrics-stack.jar",
            "dashboards/target/agentmetrics-dashboards.jar")) {
      requireBuilt(root.resolve(jar));
    }
    List<String> command = new ArrayList<>();
    command.add(root.resolve("stack/run-local").toString());
    command.addAll(arguments);
    Path output = dir.resolve("run-local.out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("AGENTMETRICS_SKIP_BUILD", "1");
    RunLocalProcess runLocal = new RunLocalProcess(builder.start(), output);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !runLocal.process.isAlive() || runLocal.printed().contains("work directory"));
    assertThat(runLocal.printed()).as(runLocal.printed()).contains("agentmetrics stack is running");
    return runLocal;
  }

  /** Everything it printed so far. */
  String printed() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL it printed after {@code name} ("Prometheus", "metrics server" ...). */
  URI url(String name) {
    Matcher matcher = Pattern.compile(Pattern.quote(name) + "\\s+(http://\\S+)").matcher(printed());
    assertThat(matcher.find()).as(name + " in:\n" + printed()).isTrue();
    return URI.create(matcher.group(1));
  }

  /** The work directory it printed. */
  Path workDir() {
    Matcher matcher = Pattern.compile("work directory\\s+(\\S+)").matcher(printed());
    assertThat(matcher.find()).as(printed()).isTrue();
    return Path.of(matcher.group(1));
  }

  /** The processes it started, so far. */
  List<ProcessHandle> descendants() {
    return process.descendants().toList();
  }

  /** SIGTERM; after 30 s, SIGKILL for it and everything it started. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (process.waitFor(30, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Fails (under CI's flag) or skips when the build has not made {@code jar}. */
  static void requireBuilt(Path jar) {
    if (Files.isRegularFile(jar)) {
      return;
    }
    String message = jar + " is missing: ./mvnw -B verify builds it before this test";
    if (Boolean.getBoolean("agentmetrics.it.require")) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }
}
