package io.agentmetrics.integration.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Pushes agent events to the metrics server's ingest API ({@code POST /api/v1/events}). */
public final class Ingest {

  private final URI events;

  /** A client of the server at {@code server}. */
  public Ingest(URI server) {
    this.events = server.resolve("/api/v1/events");
  }

  /** Posts {@code events} as a JSON array and asserts that the server accepted every one. */
  public void push(List<Map<String, Object>> events) {
    HttpResponse<String> response;
    try {
      response = Http.postJson(this.events, Http.JSON.writeValueAsString(events));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      assertThat(Http.JSON.readTree(response.body()).path("accepted").asInt())
          .as(response.body())
          .isEqualTo(events.size());
    } catch (JsonProcessingException e) {
      throw new AssertionError("the ingest API answered invalid JSON", e);
    }
  }
}
