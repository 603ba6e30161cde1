package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(b -> b.maxBodyBytes(64 * 1024));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode errorBody(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    try {
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.path("status").asInt()).isEqualTo(status);
      assertThat(body.path("error").asText()).isEqualTo(error);
      assertThat(body.path("message").asText()).isNotBlank();
      assertThat(response.body()).doesNotContain("Exception", "\tat ");
      return body;
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  @Test
  void unknownPathIs404WithJson() {
    errorBody(server.get("/nope"), 404, "not_found");
  }

  @Test
  void wrongMethodIs405WithJson() {
    errorBody(server.send(server.request("/metrics").DELETE()), 405, "method_not_allowed");
    errorBody(
        server.send(server.request(MetricsServer.EVENTS_PATH).GET()), 405, "method_not_allowed");
  }

  @Test
  void malformedJsonIs400() {
    JsonNode body =
        errorBody(server.postEvents("application/json", "[{\"type\": "), 400, "malformed_json");
    assertThat(body.path("message").asText()).contains("line 1");
  }

  @Test
  void wrongContentTypeIs415() {
    errorBody(server.postEvents("text/plain", "[]"), 415, "unsupported_media_type");
    errorBody(
        server.postEvents("application/json; charset=latin1", "[]"), 415, "unsupported_media_type");
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big =
        "[" + "{\"type\":\"cache\",\"cache\":\"prompt\",\"result\":\"hit\"},".repeat(2000) + "{}]";
    errorBody(server.postEvents("application/json", big), 413, "payload_too_large");
  }

  @Test
  void hostileBodiesAre4xxNever5xx() {
    String deep = "[".repeat(1000) + "]".repeat(1000);
    errorBody(server.postEvents("application/json", deep), 400, "malformed_json");
    errorBody(
        server.postEvents("application/json", "[{\"type\":\"cache\",\"x\":NaN}]"),
        400,
        "malformed_json");
    errorBody(
        server.postEvents("application/json", "[1" + "0".repeat(500) + "]"), 400, "malformed_json");
    errorBody(server.postEvents("application/json", "[{\"a\":1,\"a\":2}]"), 400, "malformed_json");
    errorBody(server.postEvents("application/json", ""), 400, "malformed_json");
    errorBody(server.postEvents("application/json", "[] []"), 400, "malformed_json");
    byte[] invalidUtf8 = {
      '[', '{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'
    };
    HttpResponse<String> response =
        server.send(
            server
                .request(MetricsServer.EVENTS_PATH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)));
    errorBody(response, 400, "malformed_json");
    errorBody(
        server.postEvents("application/x-ndjson", "{\"broken\"\n[1,\n"), 400, "malformed_json");
    String hugeString =
        "[{\"type\":\"cache\",\"cache\":\"" + "c".repeat(20_000) + "\",\"result\":\"hit\"}]";
    errorBody(server.postEvents("application/json", hugeString), 400, "malformed_json");
  }

  @Test
  void mutatedAndRandomBodiesNeverGive5xx() {
    Random random = new Random(1234);
    byte[] valid =
        ("[{\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"duration_seconds\":1.5,\"input_tokens\":10},"
                + "{\"type\":\"cache\",\"cache\":\"p\",\"result\":\"hit\"}]")
            .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 300; i++) {
      byte[] body;
      if (i % 3 == 0) {
        body = new byte[random.nextInt(200)];
        random.nextBytes(body);
      } else {
        body = valid.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        }
      }
      HttpResponse<String> response =
          server.send(
              server
                  .request(MetricsServer.EVENTS_PATH)
                  .header("Content-Type", i % 2 == 0 ? "application/json" : "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      assertThat(response.statusCode()).as("body %s", Arrays.toString(body)).isIn(202, 400);
    }
  }
}
