package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid events are rejected one by one, naming the field; valid ones of the batch are kept. */
class IngestValidationTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(b -> b);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aPartlyValidBatchRecordsItsValidEvents() {
    HttpResponse<String> response =
        server.postEvents(
            "application/json",
            """
            [
              {"type":"cache","cache":"batch-cache","result":"hit"},
              {"type":"llm_call","provider":"acme ai!","model":"m","duration_seconds":1},
              {"type":"message","agent":"batcher","channel":"email","direction":"outbound"},
              {"type":"teleport"},
              42,
              {"type":"tool_call","agent":"batcher","tool":"t"}
            ]""");
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = IngestEventsTest.json(response);
    assertThat(body.path("accepted").asInt()).isEqualTo(2);
    assertThat(body.path("rejected").asInt()).isEqualTo(4);
    JsonNode errors = body.path("errors");
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0).path("index").asInt()).isEqualTo(1);
    assertThat(errors.get(0).path("message").asText()).contains("'provider'", "acme ai!", "openai");
    assertThat(errors.get(1).path("index").asInt()).isEqualTo(3);
    assertThat(errors.get(1).path("message").asText()).contains("'type'", "teleport");
    assertThat(errors.get(2).path("index").asInt()).isEqualTo(4);
    assertThat(errors.get(2).path("message").asText()).contains("JSON object");
    assertThat(errors.get(3).path("index").asInt()).isEqualTo(5);
    assertThat(errors.get(3).path("message").asText()).contains("'duration_seconds'", "required");

    Scrape s = new Scrape(server.scrape());
    assertThat(s.value("agent_cache_requests_total", "cache", "batch-cache", "result", "hit"))
        .isEqualTo(1);
    assertThat(
            s.value(
                "agent_messages_total", "gen_ai_agent_name", "batcher", "direction", "outbound"))
        .isEqualTo(1);
    assertThat(s.find("gen_ai_execute_tool_duration_seconds_count", "gen_ai_agent_name", "batcher"))
        .isEmpty();
    assertThat(
            s.value(
                "agentmetrics_ingest_events_total", "event_type", "llm_call", "result", "rejected"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            s.value(
                "agentmetrics_ingest_events_total", "event_type", "_other", "result", "rejected"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void anInFlightReportNeedsASourceAndACountAndSetsAbsoluteValues() {
    HttpResponse<String> response =
        server.postEvents(
            "application/json",
            """
            [
              {"type":"in_flight","source":"bot-a:1","agent":"reporter","runs":3,"tasks":1},
              {"type":"in_flight","agent":"reporter","runs":3},
              {"type":"in_flight","source":"bot-a:1","agent":"reporter"},
              {"type":"in_flight","source":"bot-a:1","agent":"reporter","runs":-1},
              {"type":"in_flight","source":"bot-a:1","agent":"reporter","runs":2}
            ]""");
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = IngestEventsTest.json(response);
    assertThat(body.path("accepted").asInt()).isEqualTo(2);
    assertThat(body.path("errors").get(0).path("message").asText()).contains("'source'");
    assertThat(body.path("errors").get(1).path("message").asText())
        .contains("runs", "tasks", "approvals_pending");
    assertThat(body.path("errors").get(2).path("message").asText()).contains("negative");
    Scrape scrape = new Scrape(server.scrape());
    java.util.function.ToDoubleFunction<String> reported =
        work ->
            scrape.value(
                "agent_in_flight",
                "gen_ai_agent_name",
                "reporter",
                "source",
                "bot-a:1",
                "work",
                work);
    assertThat(reported.applyAsDouble("runs"))
        .as("the newest report replaces the value: absolute, not added")
        .isEqualTo(2);
    assertThat(reported.applyAsDouble("tasks")).isEqualTo(1);
  }

  @Test
  void queueSnapshotsWithASourceAreReportsAndInFlightCarriesSessionsAndPermissions() {
    HttpResponse<String> response =
        server.postEvents(
            "application/json",
            """
            [
              {"type":"task","kind":"queue","queue":"reports-q","source":"bot-b:1","depth":150,"blocked":4},
              {"type":"task","kind":"queue","queue":"reports-q","source":"bot-b:1","depth":12},
              {"type":"task","kind":"queue","queue":"reports-q","source":"bot b!","depth":1},
              {"type":"task","kind":"queue","queue":"reports-q","source":"bot-b:1"},
              {"type":"in_flight","source":"bot-b:1","agent":"reporter-b","sessions":7,"permissions":3}
            ]""");
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = IngestEventsTest.json(response);
    assertThat(body.path("accepted").asInt()).isEqualTo(3);
    assertThat(body.path("errors").get(0).path("index").asInt()).isEqualTo(2);
    assertThat(body.path("errors").get(0).path("message").asText()).contains("'source'");
    assertThat(body.path("errors").get(1).path("message").asText()).contains("depth", "blocked");
    Scrape scrape = new Scrape(server.scrape());
    java.util.function.ToDoubleFunction<String> queued =
        state ->
            scrape.value(
                "agent_queue_tasks", "queue", "reports-q", "source", "bot-b:1", "state", state);
    assertThat(queued.applyAsDouble("waiting"))
        .as("the newest report replaces the value")
        .isEqualTo(12);
    assertThat(queued.applyAsDouble("blocked")).isEqualTo(4);
    java.util.function.ToDoubleFunction<String> held =
        work ->
            scrape.value(
                "agent_in_flight",
                "gen_ai_agent_name",
                "reporter-b",
                "source",
                "bot-b:1",
                "work",
                work);
    assertThat(held.applyAsDouble("sessions")).isEqualTo(7);
    assertThat(held.applyAsDouble("permissions")).isEqualTo(3);
  }

  @Test
  void ndjsonBatchesAreAcceptedLineByLine() {
    HttpResponse<String> response =
        server.postEvents(
            "application/x-ndjson",
            "{\"type\":\"cache\",\"cache\":\"nd-cache\",\"result\":\"miss\"}\n\n"
                + "{\"type\":\"cache\",\"cache\":\"nd-cache\",\"result\":\"maybe\"}\n"
                + "{\"type\":\"cache\",\"cache\":\"nd-cache\",\"result\":\"miss\"}\n");
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = IngestEventsTest.json(response);
    assertThat(body.path("accepted").asInt()).isEqualTo(2);
    assertThat(body.path("errors").get(0).path("index").asInt()).isEqualTo(1);
    assertThat(body.path("errors").get(0).path("message").asText()).contains("'result'", "maybe");
    assertThat(
            new Scrape(server.scrape())
                .value("agent_cache_requests_total", "cache", "nd-cache", "result", "miss"))
        .isEqualTo(2);
  }

  @Test
  void aMalformedNdjsonLineIsRejectedAloneAndTheOtherLinesAreRecorded() {
    HttpResponse<String> response =
        server.postEvents(
            "application/x-ndjson",
            "{\"type\":\"cache\",\"cache\":\"nd-broken\",\"result\":\"hit\"}\n"
                + "{\"type\":\"cache\",\"cache\":\n"
                + "{\"type\":\"cache\",\"cache\":\"nd-broken\",\"result\":\"hit\"}\n");
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = IngestEventsTest.json(response);
    assertThat(body.path("accepted").asInt()).isEqualTo(2);
    assertThat(body.path("rejected").asInt()).isEqualTo(1);
    assertThat(body.path("errors").get(0).path("index").asInt()).isEqualTo(1);
    assertThat(body.path("errors").get(0).path("message").asText()).startsWith("line 2: ");
    assertThat(
            new Scrape(server.scrape())
                .value("agent_cache_requests_total", "cache", "nd-broken", "result", "hit"))
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative duration | {\"type\":\"tool_call\",\"agent\":\"a\",\"tool\":\"t\",\"duration_seconds\":-1} | 'duration_seconds' must not be negative",
        "huge number | {\"type\":\"tool_call\",\"agent\":\"a\",\"tool\":\"t\",\"duration_seconds\":1e400} | 'duration_seconds' must be a finite number",
        "string number | {\"type\":\"tool_call\",\"agent\":\"a\",\"tool\":\"t\",\"duration_seconds\":\"1\"} | 'duration_seconds' must be a number",
        "fractional tokens | {\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"m\",\"duration_seconds\":1,\"input_tokens\":1.5} | 'input_tokens' must be an integer",
        "token overflow | {\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"m\",\"duration_seconds\":1,\"input_tokens\":99999999999999999999} | 'input_tokens' is too large",
        "cached over input | {\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"m\",\"duration_seconds\":1,\"input_tokens\":1,\"cached_tokens\":2} | 'cached_tokens' must not exceed input_tokens",
        "unknown status | {\"type\":\"agent_run\",\"agent\":\"a\",\"status\":\"exploded\",\"duration_seconds\":1} | 'status'",
        "overflow value is not a status | {\"type\":\"agent_run\",\"agent\":\"a\",\"status\":\"_other\",\"duration_seconds\":1} | 'status'",
        "unsafe agent name | {\"type\":\"agent_run\",\"kind\":\"started\",\"agent\":\"a<script>\"} | 'agent'",
        "agent too long | {\"type\":\"agent_run\",\"kind\":\"started\",\"agent\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"} | 'agent'",
        "unknown kind | {\"type\":\"approval\",\"kind\":\"forgotten\",\"agent\":\"a\"} | 'kind' must be one of requested, decided, escalated",
        "missing kind | {\"type\":\"security_event\",\"agent\":\"a\"} | 'kind' is required",
        "unknown field | {\"type\":\"cache\",\"cache\":\"c\",\"result\":\"hit\",\"duration_secs\":1} | unknown field 'duration_secs'",
        "relevance above 1 | {\"type\":\"rag_retrieval\",\"agent\":\"a\",\"store\":\"s\",\"duration_seconds\":1,\"documents\":1,\"relevance_score\":1.5} | 'relevance_score' must be between 0 and 1",
        "queue without numbers | {\"type\":\"task\",\"kind\":\"queue\",\"queue\":\"q\"} | 'depth'",
        "missing type | {\"agent\":\"a\"} | 'type' is required",
        "unknown guardrail outcome | {\"type\":\"guardrail\",\"agent\":\"a\",\"guardrail\":\"g\",\"stage\":\"input\",\"outcome\":\"blocked\"} | 'outcome'",
        "unknown guardrail stage | {\"type\":\"guardrail\",\"agent\":\"a\",\"guardrail\":\"g\",\"stage\":\"middle\",\"outcome\":\"passed\"} | 'stage'",
        "guardrail without name | {\"type\":\"guardrail\",\"agent\":\"a\",\"stage\":\"input\",\"outcome\":\"passed\"} | 'guardrail'",
        "step without workflow | {\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"m\",\"duration_seconds\":1,\"workflow_step\":\"s\"} | 'workflow' is required with workflow_step",
        "workflow without step | {\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"m\",\"duration_seconds\":1,\"workflow\":\"w\"} | 'workflow_step' is required with workflow",
        "workflow without kind | {\"type\":\"workflow\",\"workflow\":\"w\",\"duration_seconds\":1} | 'kind' is required",
        "workflow step without step | {\"type\":\"workflow\",\"kind\":\"step\",\"workflow\":\"w\",\"duration_seconds\":1} | 'step'",
        "negative workflow duration | {\"type\":\"workflow\",\"kind\":\"run\",\"workflow\":\"w\",\"duration_seconds\":-1} | 'duration_seconds'",
        "mcp without kind | {\"type\":\"mcp\",\"method\":\"tools/call\",\"transport\":\"tcp\",\"duration_seconds\":1} | 'kind' is required",
        "unknown mcp transport | {\"type\":\"mcp\",\"kind\":\"client_operation\",\"method\":\"tools/call\",\"transport\":\"pigeon\",\"duration_seconds\":1} | 'transport'",
        "negative mcp duration | {\"type\":\"mcp\",\"kind\":\"server_operation\",\"method\":\"tools/call\",\"transport\":\"pipe\",\"duration_seconds\":-1} | 'duration_seconds'",
        "mcp session without duration | {\"type\":\"mcp\",\"kind\":\"client_session\",\"transport\":\"pipe\"} | 'duration_seconds'",
        "evaluation without name | {\"type\":\"evaluation\",\"agent\":\"a\",\"score_value\":0.5} | 'evaluation'",
      })
  void eachRuleNamesTheField(String rule, String event, String message) {
    HttpResponse<String> response = server.postEvents("application/json", "[" + event + "]");
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = IngestEventsTest.json(response);
    assertThat(body.path("rejected").asInt()).as(response.body()).isEqualTo(1);
    assertThat(body.path("errors").get(0).path("message").asText()).contains(message);
  }
}
