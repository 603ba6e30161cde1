package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScrapeFormatsTest {

  private static final String PROMETHEUS_2_ACCEPT =
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
  private static final String PROTOBUF_ACCEPT =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
          + "text/plain;version=0.0.4;q=0.3";

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer();
    server.registry.counter("demo.requests", "path", "a").increment(3);
    server.get("/healthz");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> scrape(String accept, String acceptEncoding) {
    var request = server.request("/metrics").GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    HttpResponse<byte[]> response = server.sendForBytes(request);
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElseThrow();
  }

  @Test
  void textFormatByDefault() {
    HttpResponse<byte[]> response = scrape(null, null);
    assertThat(contentType(response)).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(body)
        .contains("# TYPE demo_requests_total counter", "demo_requests_total{path=\"a\"} 3.0");
    assertThat(body).doesNotContain("# EOF");
  }

  @Test
  void openMetricsForPrometheus() {
    HttpResponse<byte[]> response = scrape(PROMETHEUS_2_ACCEPT, null);
    assertThat(contentType(response))
        .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("demo_requests_total{path=\"a\"} 3.0").endsWith("# EOF\n");
  }

  @Test
  void protobufParsesWithPrometheusModel() throws IOException {
    HttpResponse<byte[]> response = scrape(PROTOBUF_ACCEPT, null);
    assertThat(contentType(response))
        .isEqualTo(
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");
    List<MetricFamily> families = parseDelimited(new ByteArrayInputStream(response.body()));
    MetricFamily requests =
        families.stream()
            .filter(f -> f.getName().equals("demo_requests_total"))
            .findFirst()
            .orElseThrow();
    assertThat(requests.getMetric(0).getCounter().getValue()).isEqualTo(3.0);
    assertThat(requests.getMetric(0).getLabel(0).getValue()).isEqualTo("a");
    assertThat(families)
        .anySatisfy(f -> assertThat(f.getName()).isEqualTo("http_server_requests_seconds"));
  }

  @Test
  void gzipWhenAccepted() throws IOException {
    for (String accept : new String[] {null, PROMETHEUS_2_ACCEPT, PROTOBUF_ACCEPT}) {
      HttpResponse<byte[]> plain = scrape(accept, null);
      HttpResponse<byte[]> zipped = scrape(accept, "gzip");
      assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(contentType(zipped)).isEqualTo(contentType(plain));
      byte[] unzipped;
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
        unzipped = in.readAllBytes();
      }
      if (accept == PROTOBUF_ACCEPT) {
        assertThat(parseDelimited(new ByteArrayInputStream(unzipped)))
            .anySatisfy(f -> assertThat(f.getName()).isEqualTo("demo_requests_total"));
      } else {
        assertThat(new String(unzipped, StandardCharsets.UTF_8))
            .contains("demo_requests_total{path=\"a\"} 3.0");
      }
    }
    assertThat(scrape(null, "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void nameFilterNarrowsTheScrape() {
    var request = server.request("/metrics?name[]=demo_requests_total").GET();
    String body = new String(server.sendForBytes(request).body(), StandardCharsets.UTF_8);
    assertThat(body).contains("demo_requests_total{path=\"a\"} 3.0");
    assertThat(body).doesNotContain("http_server_requests_seconds");
  }

  private static List<MetricFamily> parseDelimited(InputStream in) throws IOException {
    List<MetricFamily> families = new ArrayList<>();
    MetricFamily family;
    while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
      families.add(family);
    }
    assertThat(families).isNotEmpty();
    return families;
  }
}
