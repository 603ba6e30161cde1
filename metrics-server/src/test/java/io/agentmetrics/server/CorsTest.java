package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.server.http.HttpAuth;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsTest {

  private static HttpResponse<String> preflight(TestServer server, String origin) {
    return server.send(
        server
            .request(MetricsServer.EVENTS_PATH)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type, authorization")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void preflightForAConfiguredOrigin() {
    try (TestServer server =
        new TestServer(
            b ->
                b.corsOrigins(List.of("https://app.example.com"))
                    .ingestAuth(HttpAuth.bearer("t")))) {
      HttpResponse<String> allowed = preflight(server, "https://app.example.com");
      assertThat(allowed.statusCode()).isBetween(200, 204);
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
          .containsIgnoringCase("POST");
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .containsIgnoringCase("content-type")
          .containsIgnoringCase("authorization");

      HttpResponse<String> other = preflight(server, "https://evil.example.org");
      assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

      HttpResponse<String> get =
          server.send(server.request("/healthz").header("Origin", "https://app.example.com").GET());
      assertThat(get.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
    }
  }

  @Test
  void noOriginIsAllowedByDefault() {
    try (TestServer server = new TestServer()) {
      HttpResponse<String> response = preflight(server, "https://app.example.com");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      HttpResponse<String> get =
          server.send(server.request("/healthz").header("Origin", "https://app.example.com").GET());
      assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }
}
