package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.server.ingest.IngestResult;
import io.agentmetrics.server.testing.HostileBodies;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies that are legal in size but hostile in content: the answer stays small whatever the body,
 * valid events beside thousands of bad ones are recorded, only strict UTF-8 is read, and no message
 * names the JSON parser's internals.
 */
class IngestLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 1024 * 1024;
  private static final String VALID =
      "{\"type\":\"cache\",\"cache\":\"limits\",\"result\":\"hit\"}";

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(b -> b.maxBodyBytes(MAX_BODY));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String contentType, byte[] body) {
    return server.send(
        server
            .request(MetricsServer.EVENTS_PATH)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static byte[] fill(String head, String unit, String tail) {
    return HostileBodies.fill(MAX_BODY, head, unit, tail);
  }

  private static double cacheHits() {
    String line =
        server
            .scrape()
            .lines()
            .filter(l -> l.startsWith("agent_cache_requests_total{") && l.contains("limits"))
            .findFirst()
            .orElse("x 0");
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  @Test
  void aMegabyteOfBadEventsGetsASmallAnswerThatCountsThemAll() throws Exception {
    byte[] body = fill("[", "0,", VALID + "]");
    int zeros = (body.length - 2 - VALID.length()) / 2;
    double before = cacheHits();
    HttpResponse<String> response = post("application/json", body);
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body().length()).as("answer size").isLessThan(16 * 1024);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("accepted").asInt()).isEqualTo(1);
    assertThat(answer.path("rejected").asInt()).isEqualTo(zeros);
    assertThat(answer.path("errors")).hasSize(IngestResult.MAX_ERRORS);
    assertThat(answer.path("errors_omitted").asInt()).isEqualTo(zeros - IngestResult.MAX_ERRORS);
    assertThat(answer.path("errors").path(99).path("index").asInt()).isEqualTo(99);
    assertThat(cacheHits()).isEqualTo(before + 1);
  }

  @Test
  void aMegabyteOfBrokenNdjsonLinesKeepsItsValidLine() throws Exception {
    for (String unit : List.of("x\n", "{x\n", "[\n", "{\"a\":\n")) {
      byte[] body = fill(VALID + "\n", unit, VALID + "\n");
      double before = cacheHits();
      HttpResponse<String> response = post("application/x-ndjson", body);
      assertThat(response.statusCode()).as(unit).isEqualTo(202);
      assertThat(response.body().length()).as(unit).isLessThan(16 * 1024);
      JsonNode answer = JSON.readTree(response.body());
      assertThat(answer.path("accepted").asInt()).as(unit).isEqualTo(2);
      assertThat(answer.path("errors")).hasSize(IngestResult.MAX_ERRORS);
      assertThat(answer.path("errors").path(0).path("message").asText()).startsWith("line 2: ");
      assertThat(answer.path("rejected").asInt() - IngestResult.MAX_ERRORS)
          .isEqualTo(answer.path("errors_omitted").asInt());
      assertThat(cacheHits()).as(unit).isEqualTo(before + 2);
    }
  }

  @Test
  void onlyStrictUtf8IsRead() throws Exception {
    byte[][] overlong = {
      {(byte) 0xC0, (byte) 0xAF}, // '/' in two bytes
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // '/' in three bytes
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate (CESU-8)
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
    };
    for (byte[] bad : overlong) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes("[{\"type\":\"cache\",\"cache\":\"a".getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bad);
      body.writeBytes("b\",\"result\":\"hit\"}]".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response = post("application/json", body.toByteArray());
      HttpErrorsTest.errorBody(response, 400, "malformed_json");
      assertThat(response.body()).contains("not valid UTF-8 (byte 27)");
    }
    String events = "[" + VALID + "]";
    for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE")) {
      HttpResponse<String> response =
          post("application/json", events.getBytes(Charset.forName(charset)));
      HttpErrorsTest.errorBody(response, 400, "malformed_json");
      assertThat(response.body()).as(charset).contains("UTF-8");
    }
    assertThat(server.scrape()).doesNotContain("cache=\"a/b\"");
    // A UTF-8 byte order mark is UTF-8.
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream withBom = new ByteArrayOutputStream();
    withBom.writeBytes(bom);
    withBom.writeBytes(events.getBytes(StandardCharsets.UTF_8));
    assertThat(post("application/json", withBom.toByteArray()).statusCode()).isEqualTo(202);
  }

  @Test
  void messagesNameTheProblemNotTheParser() throws Exception {
    List<String> bodies =
        List.of(
            "[{\"type\":\"cache\",\"x\":NaN}]",
            "[{\"type\":\"cache\",\"x\":Infinity}]",
            "[{\"type\":\"cache\",\"x\":-Infinity}]",
            "[/* comment */]",
            "[{'type':'cache'}]",
            "[{type:\"cache\"}]",
            "[{\"a\":1,\"a\":2}]",
            "[" + "[".repeat(40) + "]".repeat(40) + "]",
            "[{\"type\":\"" + "x".repeat(20_000) + "\"}]",
            "[{\"" + "k".repeat(1000) + "\":1}]",
            "[1" + "0".repeat(500) + "]",
            "[01]",
            "[\"tab\there\"]",
            "[\"\\q\"]",
            "[1,]",
            "[] []");
    for (String body : bodies) {
      HttpResponse<String> response =
          post("application/json", body.getBytes(StandardCharsets.UTF_8));
      JsonNode error = HttpErrorsTest.errorBody(response, 400, "malformed_json");
      assertThat(error.path("message").asText())
          .as(body.length() > 60 ? body.substring(0, 60) : body)
          .doesNotContain(
              "`",
              "Feature",
              "StreamReadConstraints",
              "StreamConstraints",
              "jackson",
              "Jackson",
              "com.fasterxml",
              "enable");
    }
    assertThat(post("application/json", bodies.get(7).getBytes(StandardCharsets.UTF_8)).body())
        .contains("nested deeper than 16 levels");
  }
}
