package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agentmetrics.stack.config.Yaml;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's logs reach Loki the way compose.yaml switches them on: the server jar started with
 * compose's environment (JAVA_TOOL_OPTIONS selecting logback-loki.xml, AGENTMETRICS_LOKI_URL,
 * AGENTMETRICS_INSTANCE) pushes its lines to Loki's push API with the labels the dashboards filter
 * on. Loki cannot run here (no Debian package); the receiving end is a plain HTTP server that
 * records what the loki4j appender sends.
 */
class LokiLogsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theServerPushesItsLogLinesWithTheJobAndInstanceLabels(@TempDir Path dir) throws Exception {
    Path jar = RepoFiles.resolve(RepoFiles.SERVER_JAR);
    if (!Files.isRegularFile(jar)) {
      String message = jar + " is missing: ./mvnw -B verify builds it before this test";
      if (Boolean.getBoolean("agentmetrics.it.require")) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.getEntry("logback-loki.xml"))
          .as(jar + " has no logback-loki.xml: it is older than the sources, rebuild it")
          .isNotNull();
    }
    Map<String, String> env = composeEnvironment();
    List<JsonNode> pushes = new CopyOnWriteArrayList<>();
    HttpServer loki = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    loki.createContext(
        "/loki/api/v1/push",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            pushes.add(JSON.readTree(body));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    loki.start();
    Process server = null;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "--port",
                  "0",
                  "--bind",
                  "127.0.0.1")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("server.log").toFile());
      builder.environment().putAll(env);
      builder
          .environment()
          .put(
              "AGENTMETRICS_LOKI_URL",
              "http://127.0.0.1:" + loki.getAddress().getPort() + "/loki/api/v1/push");
      server = builder.start();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> pushes.stream().anyMatch(push -> push.toString().contains("listening")));
      server.destroy(); // SIGTERM: the last lines are still pushed
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> pushes.stream().anyMatch(push -> push.toString().contains("stopped")));
    } finally {
      if (server != null) {
        server.destroyForcibly();
      }
      loki.stop(0);
    }

    JsonNode stream = pushes.get(0).at("/streams/0/stream");
    assertThat(stream.path("job").asText()).isEqualTo("agentmetrics");
    assertThat(stream.path("instance").asText()).isEqualTo(env.get("AGENTMETRICS_INSTANCE"));
    assertThat(stream.path("service_name").asText()).isEqualTo("agentmetrics-server");
  }

  /** The metrics-server service's environment in compose.yaml. */
  private static Map<String, String> composeEnvironment() {
    JsonNode environment =
        Yaml.read(RepoFiles.resolve("stack/compose.yaml"))
            .at("/services/metrics-server/environment");
    assertThat(environment.path("JAVA_TOOL_OPTIONS").asText())
        .contains("-Dlogback.configurationFile=logback-loki.xml");
    return Map.of(
        "JAVA_TOOL_OPTIONS", environment.path("JAVA_TOOL_OPTIONS").asText(),
        "AGENTMETRICS_INSTANCE", environment.path("AGENTMETRICS_INSTANCE").asText());
  }
}
