package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.server.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests broken at the HTTP level, sent over a plain socket: a body cut short, a bad chunk, a
 * request line or headers Jetty refuses. Each gets the project's JSON error body (never a 2xx,
 * never Jetty's HTML page), nothing of a broken body is recorded, and the request metric records
 * the status really answered.
 */
class BrokenRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID =
      "{\"type\":\"cache\",\"cache\":\"broken\",\"result\":\"hit\"}";

  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RawHttp.Answer post(byte[] body, boolean halfClose, String... headers) throws Exception {
    String[] all = new String[headers.length + 1];
    all[0] = "Content-Type: application/json";
    System.arraycopy(headers, 0, all, 1, headers.length);
    return RawHttp.exchange(
        server.server.port(),
        RawHttp.request("POST " + MetricsServer.EVENTS_PATH + " HTTP/1.1", body, all),
        halfClose);
  }

  private static JsonNode jsonError(RawHttp.Answer answer, int status, String error)
      throws Exception {
    assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("message").asText()).isNotBlank().doesNotContain("Exception");
    return body;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aBodyCutShortByAHalfClosedConnectionIs400AndNothingIsRecorded() throws Exception {
    byte[] half = utf8("[" + VALID + "," + VALID.substring(0, 10));
    RawHttp.Answer answer = post(half, true, "Content-Length: " + (half.length + 40));
    JsonNode body = jsonError(answer, 400, "incomplete_body");
    assertThat(body.path("message").asText()).contains(half.length + " bytes");
    assertThat(answer.closed()).as("the connection is closed").isTrue();
    assertThat(server.scrape()).doesNotContain("cache=\"broken\"");
    assertThat(server.scrape())
        .contains(
            "http_server_requests_seconds_count{method=\"POST\",outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/api/v1/events\"} 1")
        .doesNotContain("status=\"200\",uri=\"/api/v1/events\"")
        .doesNotContain("status=\"202\",uri=\"/api/v1/events\"");
  }

  @Test
  void aChunkedBodyWithABadChunkSizeIs400() throws Exception {
    byte[] chunked =
        utf8("5\r\n[" + VALID.substring(0, 4) + "\r\nzz\r\n" + VALID + "]\r\n0\r\n\r\n");
    RawHttp.Answer answer = post(chunked, false, "Transfer-Encoding: chunked");
    jsonError(answer, 400, "incomplete_body");
    assertThat(answer.closed()).isTrue();
    assertThat(server.scrape())
        .doesNotContain("cache=\"broken\"")
        .contains("status=\"400\",uri=\"/api/v1/events\"} 1");
  }

  @Test
  void aChunkedBodyCutShortIs400() throws Exception {
    byte[] chunked = utf8("40\r\n[" + VALID + "]");
    jsonError(post(chunked, true, "Transfer-Encoding: chunked"), 400, "incomplete_body");
    assertThat(server.scrape()).doesNotContain("cache=\"broken\"");
  }

  @Test
  void aWellFormedChunkedBodyIsRecorded() throws Exception {
    String events = "[" + VALID + "]";
    byte[] chunked = utf8(Integer.toHexString(events.length()) + "\r\n" + events + "\r\n0\r\n\r\n");
    RawHttp.Answer answer = post(chunked, false, "Transfer-Encoding: chunked");
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    assertThat(server.scrape()).contains("cache=\"broken\"");
  }

  @Test
  void requestsJettyRefusesGetTheJsonErrorBody() throws Exception {
    int port = server.server.port();
    jsonError(
        RawHttp.exchange(port, RawHttp.request("GET /met\u0001rics HTTP/1.1", new byte[0]), false),
        400,
        "bad_request");
    jsonError(
        RawHttp.exchange(
            port, RawHttp.request("GET /" + "a".repeat(20_000) + " HTTP/1.1", new byte[0]), false),
        414,
        "uri_too_long");
    jsonError(
        RawHttp.exchange(
            port,
            RawHttp.request("GET /metrics HTTP/1.1", new byte[0], "X-Big: " + "b".repeat(20_000)),
            false),
        431,
        "headers_too_large");
    jsonError(
        RawHttp.exchange(port, RawHttp.request("GET /metrics HTTP/9.9", new byte[0]), false),
        505,
        "http_version_not_supported");
    // Jetty's answers follow Accept; ours are JSON whatever the client asks for.
    RawHttp.Answer html =
        RawHttp.exchange(
            port,
            RawHttp.request(
                "GET /" + "a".repeat(20_000) + " HTTP/1.1", new byte[0], "Accept: text/html"),
            false);
    jsonError(html, 414, "uri_too_long");
    assertThat(html.body()).doesNotContain("<html");
  }

  @Test
  void aBodyThatStallsGets408WithinTheDeadlineAndTheConnectionIsClosed() throws Exception {
    try (TestServer quick = new TestServer(b -> b.bodyTimeout(java.time.Duration.ofMillis(500)))) {
      byte[] start = utf8("[" + VALID);
      long began = System.nanoTime();
      RawHttp.Answer answer =
          RawHttp.exchange(
              quick.server.port(),
              RawHttp.request(
                  "POST " + MetricsServer.EVENTS_PATH + " HTTP/1.1",
                  start,
                  "Content-Type: application/json",
                  "Content-Length: 1000"),
              false);
      long millis = (System.nanoTime() - began) / 1_000_000;
      JsonNode body = jsonError(answer, 408, "request_timeout");
      assertThat(body.path("message").asText()).contains(start.length + " bytes received");
      assertThat(answer.closed()).isTrue();
      assertThat(millis)
          .as("answered at the deadline, not at the 5 s read timeout")
          .isLessThan(4000);
      assertThat(quick.scrape()).doesNotContain("cache=\"broken\"");
    }
  }

  @Test
  void bodiesBeyondTheBufferBudgetGet503UntilRoomIsFree() throws Exception {
    int max = 64 * 1024;
    try (TestServer small =
        new TestServer(
            b ->
                b.maxBodyBytes(max)
                    .maxBufferedBodyBytes(max + 1024)
                    .bodyTimeout(java.time.Duration.ofSeconds(2)))) {
      int port = small.server.port();
      byte[] padding = new byte[max - 1024];
      java.util.Arrays.fill(padding, (byte) ' ');
      // One body holds most of the budget: sent but for its last bytes, then stalled.
      try (java.net.Socket holder = new java.net.Socket("127.0.0.1", port)) {
        holder
            .getOutputStream()
            .write(
                RawHttp.request(
                    "POST " + MetricsServer.EVENTS_PATH + " HTTP/1.1",
                    padding,
                    "Content-Type: application/json",
                    "Content-Length: " + max));
        holder.getOutputStream().flush();
        Thread.sleep(300);
        byte[] second = padding.clone();
        second[0] = '[';
        second[second.length - 1] = ']';
        RawHttp.Answer busy =
            RawHttp.exchange(
                port,
                RawHttp.request(
                    "POST " + MetricsServer.EVENTS_PATH + " HTTP/1.1",
                    second,
                    "Content-Type: application/json",
                    "Content-Length: " + second.length),
                false);
        jsonError(busy, 503, "server_busy");
        assertThat(busy.header("Retry-After")).isEqualTo("1");
      }
      // The stalled body ends (its connection closed above, or its 2 s deadline passes) and gives
      // its bytes back: the next body is taken.
      Thread.sleep(2500);
      byte[] events = utf8("[" + VALID + "]");
      RawHttp.Answer taken =
          RawHttp.exchange(
              port,
              RawHttp.request(
                  "POST " + MetricsServer.EVENTS_PATH + " HTTP/1.1",
                  events,
                  "Content-Type: application/json",
                  "Content-Length: " + events.length),
              false);
      assertThat(taken.status()).as(taken.body()).isEqualTo(202);
    }
  }
}
