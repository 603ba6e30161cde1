package io.agentmetrics.integration.support;

import io.agentmetrics.stack.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A VictoriaMetrics single-node process from the Debian package {@code victoria-metrics}, on a free
 * loopback port with its storage in a temporary directory. Prometheus remote-writes to {@link
 * #writePath()}; its Prometheus-compatible query API is at {@link #uri()}.
 */
public final class VictoriaMetrics implements AutoCloseable {

  /** The binary of the Debian package. */
  public static final String BINARY = "victoria-metrics";

  private final ManagedProcess process;
  private final int port;

  private VictoriaMetrics(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts VictoriaMetrics with its data and log under {@code dir}; returns once it is ready. */
  public static VictoriaMetrics start(Path dir) {
    int port = FreePorts.next();
    ManagedProcess process =
        ManagedProcess.start(
            "victoria-metrics",
            List.of(
                BINARY,
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + createDirectories(dir.resolve("victoria-metrics-data")),
                "-retentionPeriod=1d",
                // Answer with the newest samples (the default hides the last 30 s) and uncached.
                "-search.latencyOffset=1s",
                "-search.disableCache"),
            Map.of(),
            dir.resolve("logs/victoria-metrics.log"));
    VictoriaMetrics vm = new VictoriaMetrics(process, port);
    try {
      Ready.await200(process, vm.uri().resolve("/health"), Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      vm.close();
      throw e;
    }
    return vm;
  }

  /** Its base URL on loopback (the Prometheus-compatible API is under {@code /api/v1}). */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Its loopback port. */
  public int port() {
    return port;
  }

  /** The path of its Prometheus remote_write endpoint. */
  public static String writePath() {
    return "/api/v1/write";
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(10));
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
