package io.agentmetrics.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.integration.support.InProcessServer;
import io.agentmetrics.integration.support.TextScrape;
import io.agentmetrics.server.MetricsServer;
import io.agentmetrics.server.testing.RawHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The generated {@link HostileCorpus} against the real server: a broken event is refused by index
 * with a message naming its field while the valid events of its batch are recorded; a broken body
 * is refused whole with a 4xx and a JSON error; nothing ever gets a 5xx or a stack trace. The
 * scrape afterwards holds exactly the valid events. Summary in {@code
 * target/reliability-hostile.md}.
 */
class HostileInputIT {

  private static final int MAX_BODY = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What an error message must not name: the JSON parser's classes, features and advice. */
  private static final String[] PARSER_INTERNALS = {
    "`", "Feature", "StreamReadConstraints", "jackson", "com.fasterxml", "enable "
  };

  @Test
  void hostileEventsAndBodiesAreRefusedClearlyAndValidEventsAreKept() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    SoftAssertions softly = new SoftAssertions();
    try (InProcessServer server = new InProcessServer(b -> b.maxBodyBytes(MAX_BODY))) {
      for (String valid : HostileCorpus.validEvents()) {
        HttpResponse<String> response = server.post(InProcessServer.JSON, "[" + valid + "]");
        assertThat(response.body()).as(valid).startsWith("{\"accepted\":1,\"rejected\":0");
      }

      List<HostileCorpus.EventCase> eventCases = HostileCorpus.eventCases();
      for (HostileCorpus.EventCase c : eventCases) {
        HttpResponse<String> response = server.post(InProcessServer.JSON, c.body());
        statuses.merge(response.statusCode(), 1, Integer::sum);
        softly
            .assertThat(response.statusCode())
            .as(c.name() + ": " + response.body())
            .isEqualTo(202);
        if (response.statusCode() != 202) {
          continue;
        }
        JsonNode answer = JSON.readTree(response.body());
        softly.assertThat(answer.path("accepted").asInt()).as(c.name()).isEqualTo(2);
        softly.assertThat(answer.path("rejected").asInt()).as(c.name()).isEqualTo(1);
        JsonNode error = answer.path("errors").path(0);
        softly.assertThat(error.path("index").asInt(-1)).as(c.name()).isEqualTo(1);
        String message = error.path("message").asText();
        softly.assertThat(message).as(c.name()).isNotBlank().doesNotContain("Exception");
        if (!c.field().isEmpty()) {
          softly.assertThat(message).as(c.name()).contains("'" + c.field() + "'");
        }
      }

      List<HostileCorpus.BodyCase> bodyCases = HostileCorpus.bodyCases();
      for (HostileCorpus.BodyCase c : bodyCases) {
        HttpResponse<String> response = server.send(request(server, c));
        statuses.merge(response.statusCode(), 1, Integer::sum);
        softly
            .assertThat(response.statusCode())
            .as(c.name() + ": " + response.body())
            .isEqualTo(c.status());
        softly
            .assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .as(c.name())
            .startsWith("application/json");
        JsonNode error = JSON.readTree(response.body());
        softly
            .assertThat(error.path("status").asInt())
            .as(c.name())
            .isEqualTo(response.statusCode());
        softly.assertThat(error.path("error").asText()).as(c.name()).isNotBlank();
        softly
            .assertThat(error.path("message").asText())
            .as(c.name())
            .isNotBlank()
            .doesNotContain("Exception")
            .doesNotContain("\tat ")
            .doesNotContain(PARSER_INTERNALS);
      }

      List<HostileCorpus.RawCase> rawCases = HostileCorpus.rawCases(MAX_BODY);
      int port = server.uri("/").getPort();
      for (HostileCorpus.RawCase c : rawCases) {
        RawHttp.Answer answer = RawHttp.exchange(port, c.request(), c.halfClose());
        statuses.merge(answer.status(), 1, Integer::sum);
        softly
            .assertThat(answer.status())
            .as(c.name() + ": " + answer.body())
            .isEqualTo(c.status());
        softly
            .assertThat(String.valueOf(answer.header("Content-Type")))
            .as(c.name())
            .startsWith("application/json");
        if (answer.body().startsWith("{")) {
          JsonNode error = JSON.readTree(answer.body());
          softly.assertThat(error.path("error").asText()).as(c.name()).isEqualTo(c.error());
          softly.assertThat(error.path("status").asInt()).as(c.name()).isEqualTo(c.status());
        }
      }

      // OTLP: each hostile body gets OTLP's answer, never a 5xx.
      List<HostileCorpus.OtlpCase> otlpCases = HostileCorpus.otlpCases(MAX_BODY);
      for (HostileCorpus.OtlpCase c : otlpCases) {
        HttpRequest.Builder request =
            server
                .request(c.path())
                .header("Content-Type", c.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentEncoding() != null) {
          request.header("Content-Encoding", c.contentEncoding());
        }
        HttpResponse<byte[]> response = server.sendForBytes(request.build());
        statuses.merge(response.statusCode(), 1, Integer::sum);
        softly.assertThat(response.statusCode()).as("OTLP " + c.name()).isEqualTo(c.status());
      }

      // A legal body of thousands of non-events: a bounded answer that counts them all.
      String zeros = "[" + "0,".repeat((MAX_BODY - 2) / 2 - 1) + "0]";
      HttpResponse<String> bounded = server.post(InProcessServer.JSON, zeros);
      statuses.merge(bounded.statusCode(), 1, Integer::sum);
      softly.assertThat(bounded.statusCode()).isEqualTo(202);
      softly.assertThat(bounded.body().length()).as("answer to 32k bad events").isLessThan(16_384);
      JsonNode counted = JSON.readTree(bounded.body());
      softly.assertThat(counted.path("rejected").asInt()).isEqualTo((MAX_BODY - 2) / 2);
      softly.assertThat(counted.path("errors").size()).isEqualTo(100);

      TextScrape scrape = server.scrape();
      softly
          .assertThat(
              scrape.sum(
                  "agent_cache_requests_total", key -> key.contains("cache=\"hostile-valid\"")))
          .as("the valid events of the hostile batches, all recorded")
          .isEqualTo(2.0 * eventCases.size());
      softly
          .assertThat(
              scrape.sum(
                  "agentmetrics_ingest_events_total", key -> key.contains("result=\"rejected\"")))
          .as("rejected events counted")
          .isEqualTo(eventCases.size() + (MAX_BODY - 2) / 2);
      // 505 is HTTP's own answer to an unknown protocol version (RFC 9110, 15.6.6), not a failure.
      softly
          .assertThat(statuses.keySet())
          .as("statuses")
          .allMatch(status -> status < 500 || status == 505);

      StringBuilder report = new StringBuilder("## Hostile input\n\n");
      report.append(eventCases.size()).append(" hostile events (each between two valid ones), ");
      report.append(bodyCases.size()).append(" hostile bodies, ");
      report.append(rawCases.size()).append(" requests broken at the HTTP level, ");
      report.append(otlpCases.size()).append(" OTLP bodies, one body of ");
      report.append((MAX_BODY - 2) / 2).append(" non-events. Answers by status:\n\n");
      report.append("| status | answers |\n|---:|---:|\n");
      statuses.forEach(
          (status, count) ->
              report.append("| ").append(status).append(" | ").append(count).append(" |\n"));
      Reports.write("reliability-hostile.md", report.toString());
    }
    softly.assertAll();
  }

  private static HttpRequest request(InProcessServer server, HostileCorpus.BodyCase c) {
    HttpRequest.Builder request =
        server
            .request(MetricsServer.EVENTS_PATH)
            .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
    if (c.contentType() != null) {
      request.header("Content-Type", c.contentType());
    }
    if (c.contentEncoding() != null) {
      request.header("Content-Encoding", c.contentEncoding());
    }
    return request.build();
  }
}
