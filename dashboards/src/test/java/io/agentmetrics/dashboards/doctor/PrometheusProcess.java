package io.agentmetrics.dashboards.doctor;

import static org.awaitility.Awaitility.await;

import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real Prometheus (Debian's package) on loopback, scraping one target every second. */
public final class PrometheusProcess implements AutoCloseable {

  private final Process process;
  private final URI uri;

  private PrometheusProcess(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /**
   * Starts Prometheus scraping {@code target} (host:port) as job {@code job}; waits until ready.
   */
  public static PrometheusProcess start(Path dir, String job, String target) throws IOException {
    return start(dir, job, List.of(target));
  }

  /**
   * Starts Prometheus scraping every target (host:port) as one job {@code job}; waits until ready.
   */
  public static PrometheusProcess start(Path dir, String job, List<String> targets)
      throws IOException {
    Path binary = NativeTool.require("prometheus", "prometheus");
    int port = freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: %s
            static_configs:
              - targets: [%s]
                labels:
                  environment: test
        """
            .formatted(job, String.join(", ", targets.stream().map(t -> "'" + t + "'").toList())));
    Process process =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    PrometheusProcess prometheus =
        new PrometheusProcess(process, URI.create("http://127.0.0.1:" + port));
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError(
                    "prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
              }
              HttpRequest ready =
                  HttpRequest.newBuilder(prometheus.uri.resolve("/-/ready")).build();
              return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
    return prometheus;
  }

  public URI uri() {
    return uri;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
