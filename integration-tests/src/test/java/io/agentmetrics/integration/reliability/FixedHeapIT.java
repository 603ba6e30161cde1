package io.agentmetrics.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.integration.stack.StackSpec;
import io.agentmetrics.integration.support.FreePorts;
import io.agentmetrics.integration.support.InProcessServer;
import io.agentmetrics.integration.support.Ready;
import io.agentmetrics.integration.support.ServerJarCommand;
import io.agentmetrics.integration.support.TextScrape;
import io.agentmetrics.server.MetricsServer;
import io.agentmetrics.server.testing.HostileBodies;
import io.agentmetrics.stack.ManagedProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Legal but hostile 1 MiB batches, several at once, against the server jar started with the heap
 * the Kubernetes manifest gives it ({@code -Xmx384m}): arrays of non-events, NDJSON of broken
 * lines, empty objects, each with one valid event. Every answer is a 202 of bounded size that
 * counts every refused event, the valid events are recorded, and the process keeps serving (no 5xx,
 * no OutOfMemoryError). Summary in {@code target/reliability-heap.md}.
 */
class FixedHeapIT {

  private static final int MAX_BODY = 1024 * 1024;
  private static final int AT_ONCE = 4;
  private static final int ROUNDS = 3;
  private static final String VALID = "{\"type\":\"cache\",\"cache\":\"heap\",\"result\":\"hit\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Body(String name, String contentType, byte[] bytes) {}

  @Test
  void concurrentOversizedBatchesAgainstA384MiBHeapGetNo5xx() throws Exception {
    Path work = Files.createDirectories(Path.of("target", "fixed-heap"));
    Path jar =
        Files.copy(
            Path.of("..").resolve(StackSpec.SERVER_JAR),
            work.resolve("agentmetrics-server.jar"),
            StandardCopyOption.REPLACE_EXISTING);
    int port = FreePorts.next();
    List<String> command =
        ServerJarCommand.of(List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError"), jar, port);
    ManagedProcess server =
        ManagedProcess.start("metrics-server", command, Map.of(), work.resolve("server.log"));
    URI base = URI.create("http://127.0.0.1:" + port);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, Integer> statuses = new TreeMap<>();
    int largestAnswer = 0;
    int valid = 0;
    try {
      Ready.await200(server, base.resolve("/readyz"), Duration.ofSeconds(60));
      List<Body> bodies = bodies();
      for (int round = 0; round < ROUNDS; round++) {
        for (Body body : bodies) {
          List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
          for (int i = 0; i < AT_ONCE; i++) {
            answers.add(
                client.sendAsync(
                    HttpRequest.newBuilder(base.resolve(MetricsServer.EVENTS_PATH))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()));
          }
          for (CompletableFuture<HttpResponse<String>> future : answers) {
            HttpResponse<String> answer = future.get();
            statuses.merge(body.name() + " " + answer.statusCode(), 1, Integer::sum);
            assertThat(answer.statusCode()).as(body.name() + ": " + answer.body()).isEqualTo(202);
            largestAnswer = Math.max(largestAnswer, answer.body().length());
            JsonNode result = JSON.readTree(answer.body());
            assertThat(result.path("accepted").asInt()).as(body.name()).isEqualTo(1);
            assertThat(result.path("rejected").asInt()).as(body.name()).isGreaterThan(10_000);
            valid++;
          }
        }
      }
      assertThat(server.isAlive()).as(server.logTail(20)).isTrue();
      assertThat(
              client
                  .send(
                      HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
      String scrape =
          client
              .send(
                  HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(
              new TextScrape(scrape)
                  .sum("agent_cache_requests_total", k -> k.contains("cache=\"heap\"")))
          .as("every valid event of the hostile batches recorded")
          .isEqualTo(valid);
      assertThat(Files.readString(server.logFile())).doesNotContain("OutOfMemoryError");
    } finally {
      server.stop(Duration.ofSeconds(10));
    }
    assertThat(largestAnswer).as("the largest answer, in bytes").isLessThan(32 * 1024);

    StringBuilder report =
        new StringBuilder("## Hostile batches against a fixed heap\n\n")
            .append("The server jar with -Xmx384m; ")
            .append(AT_ONCE)
            .append(" bodies of up to 1 MiB at once, ")
            .append(ROUNDS)
            .append(" rounds of each kind; largest answer ")
            .append(largestAnswer)
            .append(" bytes.\n\n| body, status | answers |\n|---|---:|\n");
    statuses.forEach(
        (k, v) -> report.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    Reports.write("reliability-heap.md", report.toString());
  }

  /** The kinds of hostile 1 MiB body, each with one valid event at its end. */
  private static List<Body> bodies() {
    String json = InProcessServer.JSON;
    String ndjson = InProcessServer.NDJSON;
    return List.of(
        new Body("array of zeros", json, fill("[", "0,", VALID + "]")),
        new Body("array of empty objects", json, fill("[", "{},", VALID + "]")),
        new Body("array of empty arrays", json, fill("[", "[],", VALID + "]")),
        new Body("NDJSON of 'x' lines", ndjson, fill("", "x\n", VALID + "\n")),
        new Body("NDJSON of '{x' lines", ndjson, fill("", "{x\n", VALID + "\n")),
        new Body("NDJSON of unknown types", ndjson, fill("", "{\"type\":\"t\"}\n", VALID + "\n")));
  }

  private static byte[] fill(String head, String unit, String tail) {
    return HostileBodies.fill(MAX_BODY, head, unit, tail);
  }
}
