package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricCatalogue;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {

  @Test
  void requestsAreRecordedByMethodUriStatusAndOutcomeWithTheCatalogueBuckets() {
    try (TestServer server = new TestServer()) {
      server.get("/healthz");
      server.get("/healthz");
      server.get("/no/such/path-1");
      server.get("/no/such/path-2");
      server.send(server.request("/metrics").DELETE());
      server.postEvents("text/plain", "x");
      String scrape = server.scrape();

      assertThat(scrape)
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/healthz\"} 2",
              "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"unmatched\"} 2",
              "http_server_requests_seconds_count{method=\"DELETE\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"/metrics\"} 1",
              "http_server_requests_seconds_count{method=\"POST\",outcome=\"CLIENT_ERROR\",status=\"415\",uri=\"/api/v1/events\"} 1")
          .doesNotContain("path-1", "path-2");

      List<String> bounds = bucketBounds(scrape, "uri=\"/healthz\"");
      List<String> expected =
          MetricCatalogue.HTTP_SERVER_REQUESTS.buckets().stream().map(String::valueOf).toList();
      assertThat(bounds).containsExactlyElementsOf(concat(expected, "+Inf"));
      assertThat(MetricCatalogue.HTTP_SERVER_REQUESTS.seriesNames())
          .allSatisfy(series -> assertThat(scrape).contains(series + "{"));
    }
  }

  private static List<String> bucketBounds(String scrape, String selector) {
    Pattern bucket =
        Pattern.compile("http_server_requests_seconds_bucket\\{([^}]*)le=\"([^\"]+)\"");
    Matcher matcher = bucket.matcher(scrape);
    java.util.ArrayList<String> bounds = new java.util.ArrayList<>();
    while (matcher.find()) {
      if (matcher.group(1).contains(selector) && matcher.group(1).contains("status=\"200\"")) {
        bounds.add(matcher.group(2));
      }
    }
    return bounds;
  }

  private static List<String> concat(List<String> list, String last) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(list);
    all.add(last);
    return all;
  }
}
