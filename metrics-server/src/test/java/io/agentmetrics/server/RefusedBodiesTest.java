package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.server.http.ServerSettings;
import io.agentmetrics.server.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A refused request is answered at once and its body then read and thrown away (up to a bound), so
 * that a sender still writing a large body reads the 413 or 415 instead of a connection reset and
 * knows why its batch was lost. Before the drain, about one large refused body in twenty ended in a
 * reset ("header parser received no bytes"); the first test repeats its requests to show it.
 */
class RefusedBodiesTest {

  private static final int MAX_BODY = 64 * 1024;
  private static final int SENT = 8 * 1024 * 1024; // far beyond what socket buffers hold
  private final TestServer server = new TestServer(b -> b.maxBodyBytes(MAX_BODY));

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> post(String path, String type, HttpRequest.BodyPublisher body) {
    return server.sendForBytes(server.request(path).header("Content-Type", type).POST(body));
  }

  /** Sends only the head of an OTLP export declaring {@code length} bytes, and reads the answer. */
  private RawHttp.Answer headOnly(long length) throws Exception {
    return RawHttp.exchange(
        server.server.port(),
        RawHttp.request(
            "POST /v1/traces HTTP/1.1",
            new byte[0],
            "Content-Type: application/x-protobuf",
            "Content-Length: " + length),
        false);
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aBodyOverTheLimitIsAnswered413WhileTheSenderIsStillWriting() {
    for (int round = 0; round < 10; round++) {
      for (String path : new String[] {"/v1/traces", "/v1/metrics", "/api/v1/events"}) {
        String type = path.startsWith("/v1/") ? "application/x-protobuf" : "application/json";
        int size = round % 2 == 0 ? SENT : MAX_BODY + 1;
        HttpResponse<byte[]> response =
            post(path, type, HttpRequest.BodyPublishers.ofByteArray(new byte[size]));
        assertThat(response.statusCode()).as(path + ", " + size + " bytes").isEqualTo(413);
        assertThat(text(response)).contains("\"error\":\"payload_too_large\"");
      }
    }
    assertThat(server.scrape())
        .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"413\"[^}]*\\} 10");
  }

  @Test
  void aChunkedBodyThatGrowsOverTheLimitIsAnswered413() {
    // No Content-Length: the server finds the body too large while reading it.
    for (int round = 0; round < 5; round++) {
      HttpResponse<byte[]> response =
          post(
              "/v1/traces",
              "application/x-protobuf",
              HttpRequest.BodyPublishers.ofInputStream(
                  () -> new ByteArrayInputStream(new byte[SENT])));
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(text(response)).contains("\"error\":\"payload_too_large\"");
    }
  }

  @Test
  void aLargeBodyOfTheWrongTypeIsAnswered415() {
    for (int round = 0; round < 5; round++) {
      HttpResponse<byte[]> otlp =
          post("/v1/traces", "text/plain", HttpRequest.BodyPublishers.ofByteArray(new byte[SENT]));
      assertThat(otlp.statusCode()).isEqualTo(415);
      HttpResponse<byte[]> events =
          post(
              "/api/v1/events", "text/csv", HttpRequest.BodyPublishers.ofByteArray(new byte[SENT]));
      assertThat(events.statusCode()).isEqualTo(415);
      assertThat(text(events)).contains("\"error\":\"unsupported_media_type\"");
    }
  }

  @Test
  void theAnswerComesBeforeTheBodyAndTheConnectionWaitsForIt() throws Exception {
    RawHttp.Answer answer = headOnly(MAX_BODY + 1);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("\"error\":\"payload_too_large\"");
    assertThat(answer.closed()).as("kept open to read the body the client was to send").isFalse();
  }

  @Test
  void aBodyDeclaredLargerThanTheDrainIsAnsweredAndTheConnectionClosed() throws Exception {
    RawHttp.Answer answer = headOnly(MAX_BODY + ServerSettings.REFUSED_BODY_DRAIN_BYTES + 1);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    assertThat(answer.closed()).isTrue();
  }
}
