package io.agentmetrics.integration.stack;

import io.agentmetrics.integration.support.Ready;
import io.agentmetrics.integration.support.ServerJarCommand;
import io.agentmetrics.stack.ManagedProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The metrics server's shaded jar with {@code --demo} as a process on this machine, for the
 * Testcontainers backend (the containers reach it through {@code host.testcontainers.internal}).
 */
final class ServerProcess implements AutoCloseable {

  private final List<String> command;
  private final Path logFile;
  private final URI uri;
  private ManagedProcess process;

  ServerProcess(Path jar, int port, Path logFile) {
    this.command = ServerJarCommand.of(List.of(), jar, port, "--demo");
    this.logFile = logFile;
    this.uri = URI.create("http://127.0.0.1:" + port);
  }

  URI uri() {
    return uri;
  }

  /** Starts the server and waits until {@code /readyz} answers 200. */
  void start() {
    process = ManagedProcess.start("metrics-server", command, Map.of(), logFile);
    Ready.await200(process, uri.resolve("/readyz"), Duration.ofSeconds(60));
  }

  /** Stops the server (SIGTERM, then SIGKILL). */
  void stop() {
    if (process != null) {
      process.stop(Duration.ofSeconds(10));
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
