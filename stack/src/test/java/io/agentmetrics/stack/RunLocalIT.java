package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.NativeTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stack/run-local} itself, as a user runs it (with the jars the build has just made): it
 * prints the URLs, the stack answers, and SIGTERM stops every process it started.
 */
class RunLocalIT {

  @Test
  void runLocalPrintsTheUrlsAndStopsEverythingOnSigterm(@TempDir Path dir) throws Exception {
    NativeTool.require("prometheus", "prometheus");
    NativeTool.require("prometheus-alertmanager", "prometheus-alertmanager");
    List<ProcessHandle> started;
    Path workDir;
    try (RunLocalProcess runLocal =
        RunLocalProcess.start(
            dir,
            List.of("--server-port", "0", "--prometheus-port", "0", "--alertmanager-port", "0"))) {
      URI prometheus = runLocal.url("Prometheus");
      URI alertmanager = runLocal.url("Alertmanager");
      URI server = runLocal.url("metrics server");

      assertThat(status(prometheus.resolve("/-/ready"))).isEqualTo(200);
      assertThat(status(alertmanager.resolve("/-/ready"))).isEqualTo(200);
      assertThat(status(server)).as(server.toString()).isEqualTo(200);
      assertThat(runLocal.printed()).contains("doctor --prometheus " + prometheus);
      started = runLocal.descendants();
      workDir = runLocal.workDir();
      assertThat(started).hasSizeGreaterThanOrEqualTo(3);
    }

    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(workDir).doesNotExist();
  }

  private static int status(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
