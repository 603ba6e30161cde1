package io.agentmetrics.integration.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * What the scenarios need from a stack, whichever backend runs it.
 *
 * @param repoRoot the repository root (compose file, configs, dashboards, server jar)
 * @param workDir a directory for rendered configurations, data and logs
 * @param rulesDirectory the rule files Prometheus loads (the test copy with short {@code for})
 * @param alertmanagerConfig the Alertmanager configuration before secrets and sinks are rendered
 *     (the test copy with short grouping and the extra webhook)
 * @param receiverPort the loopback port of the test's webhook receiver: every notification goes
 *     there
 * @param remoteWritePort the loopback port of a VictoriaMetrics to remote-write to, if any
 * @param interval the scrape and evaluation interval
 */
public record StackSpec(
    Path repoRoot,
    Path workDir,
    Path rulesDirectory,
    Path alertmanagerConfig,
    int receiverPort,
    OptionalInt remoteWritePort,
    Duration interval) {

  /** The path of the receiver's URL that Alertmanager posts to. */
  public static final String RECEIVER_PATH = "/alertmanager";

  /** The compose file whose images, configs and mounts both backends use. */
  public Path composeFile() {
    return repoRoot.resolve("stack/compose.yaml");
  }

  /** Where the server's shaded jar is built. */
  public static final String SERVER_JAR = "metrics-server/target/agentmetrics-server.jar";

  /**
   * The server jar the stack runs: a copy of the built one in the work directory (made by {@link
   * #copyServerJar()}), so that a rebuild of the server during a run cannot break a restart.
   */
  public Path serverJar() {
    return workDir.resolve("agentmetrics-server.jar");
  }

  /** Copies the built server jar to {@link #serverJar()}. */
  public Path copyServerJar() {
    try {
      Files.createDirectories(workDir);
      return Files.copy(
          repoRoot.resolve(SERVER_JAR), serverJar(), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the server jar " + SERVER_JAR, e);
    }
  }
}
