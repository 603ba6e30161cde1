package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.server.http.HttpAuth;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthTest {

  private static final String EVENT =
      "[{\"type\":\"cache\",\"cache\":\"prompt\",\"result\":\"hit\"}]";

  private static HttpResponse<String> scrape(TestServer server, String authorization) {
    HttpRequest.Builder request = server.request("/metrics").GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return server.send(request);
  }

  private static HttpResponse<String> ingest(TestServer server, String authorization) {
    HttpRequest.Builder request =
        server
            .request(MetricsServer.EVENTS_PATH)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(EVENT));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return server.send(request);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAuthEverythingIsOpen() {
    try (TestServer server = new TestServer()) {
      assertThat(scrape(server, null).statusCode()).isEqualTo(200);
      assertThat(ingest(server, null).statusCode()).isEqualTo(202);
    }
  }

  @Test
  void bearerOnScrapeAndBasicOnIngestAreIndependent() {
    try (TestServer server =
        new TestServer(
            b ->
                b.scrapeAuth(HttpAuth.bearer("s3cret-token"))
                    .ingestAuth(HttpAuth.basic("agent", "pa:ss")))) {
      HttpResponse<String> refused = scrape(server, null);
      HttpErrorsTest.errorBody(refused, 401, "unauthorized");
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"agentmetrics\"");
      HttpErrorsTest.errorBody(scrape(server, "Bearer wrong"), 401, "unauthorized");
      HttpErrorsTest.errorBody(scrape(server, "Bearer s3cret-token-and-more"), 401, "unauthorized");
      HttpErrorsTest.errorBody(scrape(server, basic("agent", "pa:ss")), 401, "unauthorized");
      assertThat(scrape(server, "Bearer s3cret-token").statusCode()).isEqualTo(200);
      assertThat(scrape(server, "bearer s3cret-token").statusCode()).isEqualTo(200);

      HttpResponse<String> ingestRefused = ingest(server, null);
      HttpErrorsTest.errorBody(ingestRefused, 401, "unauthorized");
      assertThat(ingestRefused.headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic realm=\"agentmetrics\", charset=\"UTF-8\"");
      HttpErrorsTest.errorBody(ingest(server, basic("agent", "wrong")), 401, "unauthorized");
      HttpErrorsTest.errorBody(ingest(server, "Basic !!not-base64!!"), 401, "unauthorized");
      HttpErrorsTest.errorBody(ingest(server, "Bearer s3cret-token"), 401, "unauthorized");
      assertThat(ingest(server, basic("agent", "pa:ss")).statusCode()).isEqualTo(202);

      // Health endpoints stay open for orchestrators' probes.
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(server.get("/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void secretsNeverAppearInDescriptions() {
    assertThat(HttpAuth.bearer("s3cret-token").toString()).doesNotContain("s3cret");
    assertThat(HttpAuth.basic("agent", "pa:ss").toString()).doesNotContain("pa:ss");
  }
}
