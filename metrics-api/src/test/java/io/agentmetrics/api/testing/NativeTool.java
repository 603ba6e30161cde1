package io.agentmetrics.api.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a native tool (promtool, amtool, prometheus ...) on the PATH for a test. A missing tool
 * fails the test with the Debian package to install, unless {@code
 * -Dagentmetrics.skipNativeTools=true} is set, which skips it instead.
 */
public final class NativeTool {

  private NativeTool() {}

  /** The path of {@code command}, failing or skipping the test when it is not installed. */
  public static Path require(String command, String debianPackage) {
    Optional<Path> found = find(command);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        command
            + " is not installed: run 'apt-get install "
            + debianPackage
            + "' (or pass -Dagentmetrics.skipNativeTools=true to skip this test)";
    if (Boolean.getBoolean("agentmetrics.skipNativeTools")) {
      Assumptions.abort(message);
    }
    throw new AssertionError(message);
  }

  /**
   * The path of {@code command} on the PATH, else in Debian's PostgreSQL server directory ({@code
   * /usr/lib/postgresql/VERSION/bin}, the newest version first), which is not on the PATH.
   */
  public static Optional<Path> find(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return inDebianPostgresql(command);
  }

  private static Optional<Path> inDebianPostgresql(String command) {
    Path versions = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(versions)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(versions)) {
      return dirs.filter(dir -> dir.getFileName().toString().matches("\\d+"))
          .sorted(
              Comparator.comparingInt((Path dir) -> Integer.parseInt(dir.getFileName().toString()))
                  .reversed())
          .map(dir -> dir.resolve("bin").resolve(command))
          .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Runs a command to completion (60 s at most) with {@code stdin} as its input, and returns its
   * exit code and combined output.
   */
  public static Result run(List<String> command, String stdin) {
    try {
      Process process =
          new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(
          process.exitValue(), new String(output, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
  }

  /**
   * The outcome of {@link #run}.
   *
   * @param exitCode the process's exit code
   * @param output stdout and stderr together
   */
  public record Result(int exitCode, String output) {}
}
