package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.api.testing.NativeTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
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
    Path root = RepoFiles.root();
    for (String jar :
        List.of(
            LocalStack.SERVER_JAR,
            "stack/target/agentmetrics-stack.jar",
            "dashboards/target/agentmetrics-dashboards.jar")) {
      requireBuilt(root.resolve(jar));
    }
    Path output = dir.resolve("run-local.out");
    ProcessBuilder builder =
        new ProcessBuilder(
                root.resolve("stack/run-local").toString(),
                "--server-port",
                "0",
                "--prometheus-port",
                "0",
                "--alertmanager-port",
                "0")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("AGENTMETRICS_SKIP_BUILD", "1");
    Process runLocal = builder.start();
    List<ProcessHandle> started;
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !runLocal.isAlive() || Files.readString(output).contains("work directory"));
      String printed = Files.readString(output);
      assertThat(printed).contains("agentmetrics stack is running");
      URI prometheus = url(printed, "Prometheus");
      URI alertmanager = url(printed, "Alertmanager");
      URI server = url(printed, "metrics server");

      assertThat(status(prometheus.resolve("/-/ready"))).isEqualTo(200);
      assertThat(status(alertmanager.resolve("/-/ready"))).isEqualTo(200);
      assertThat(status(server)).as(server.toString()).isEqualTo(200);
      assertThat(printed).contains("doctor --prometheus " + prometheus);
      started = runLocal.descendants().toList();
      assertThat(started).hasSizeGreaterThanOrEqualTo(3);
    } finally {
      runLocal.destroy(); // SIGTERM, as a service manager or Ctrl-C would stop it
      if (!runLocal.waitFor(30, TimeUnit.SECONDS)) {
        runLocal.descendants().forEach(ProcessHandle::destroyForcibly);
        runLocal.destroyForcibly();
      }
    }

    assertThat(started).noneMatch(ProcessHandle::isAlive);
    Matcher workDir = Pattern.compile("work directory\\s+(\\S+)").matcher(Files.readString(output));
    assertThat(workDir.find()).isTrue();
    assertThat(Path.of(workDir.group(1))).doesNotExist();
  }

  private static void requireBuilt(Path jar) {
    if (Files.isRegularFile(jar)) {
      return;
    }
    String message = jar + " is missing: ./mvnw -B verify builds it before this test";
    if (Boolean.getBoolean("agentmetrics.it.require")) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }

  private static URI url(String printed, String name) {
    Matcher matcher = Pattern.compile(Pattern.quote(name) + "\\s+(http://\\S+)").matcher(printed);
    assertThat(matcher.find()).as(name + " in:\n" + printed).isTrue();
    return URI.create(matcher.group(1));
  }

  private static int status(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
