package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.api.AgentMetrics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(AgentMetrics.noop(), b -> b.maxBodyBytes(4096));
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
        "[" + "{\"type\":\"cache\",\"cache\":\"prompt\",\"result\":\"hit\"},".repeat(200) + "{}]";
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
        server.postEvents("application/x-ndjson", "{}\n{\"broken\"\n"), 400, "malformed_json");
  }
}
