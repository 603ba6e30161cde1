package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.server.otlp.GenAiField;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every attribute key of the mapping table ({@link GenAiField}), alone on a span, lands where its
 * fact belongs: each span carries a distinct model (or agent, tool, store) so that its series can
 * be told from the others'.
 */
class OtlpEveryVariantTest {

  private static TestServer server;
  private static final OtlpVariantsTest SPANS = new OtlpVariantsTest();

  @BeforeAll
  static void start() {
    server = new TestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The fields whose effect needs more than one span on its own, and the test that shows it. */
  private static final Map<GenAiField, String> TESTED_ELSEWHERE =
      Map.of(
          GenAiField.TOKEN_TYPE,
              "a metric point's: OtlpJavaSdkTest sends gen_ai.client.token.usage",
          GenAiField.SENDER_COST, "OtlpVariantsTest: beside the price table's cost",
          GenAiField.MCP_METHOD, "OtlpVariantsTest: by span kind",
          GenAiField.NETWORK_TRANSPORT, "OtlpVariantsTest: on MCP spans",
          GenAiField.WORKFLOW_NAME, "OtlpVariantsTest: with its steps",
          GenAiField.EVENT_NAME, "OtlpLogsTest: a log record's",
          GenAiField.EVALUATION_NAME, "OtlpLogsTest: a log record's",
          GenAiField.EVALUATION_SCORE_VALUE, "OtlpLogsTest: a log record's",
          GenAiField.EVALUATION_SCORE_LABEL, "OtlpLogsTest: a log record's",
          GenAiField.TEAM, "OtlpJavaSdkTest: on spans and the resource");

  /** Every (field, key) pair whose effect a single span can show. */
  static Stream<Arguments> variants() {
    List<Arguments> variants = new ArrayList<>();
    for (GenAiField field : GenAiField.values()) {
      if (TESTED_ELSEWHERE.containsKey(field)) {
        continue;
      }
      for (GenAiField.Variant variant : field.variants()) {
        variants.add(Arguments.of(field, variant.key()));
      }
    }
    return variants.stream();
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("variants")
  void eachKeyIsRead(GenAiField field, String key) {
    String tag = key.replace('.', '-');
    Object[] chat = {"gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai"};
    switch (field) {
      case OPERATION -> {
        String value =
            switch (key) {
              case "openinference.span.kind" -> "LLM";
              case "llm.request.type" -> "chat";
              case "traceloop.span.kind" -> "tool";
              case "ai.operationId" -> "ai.generateText.doGenerate";
              case "langfuse.observation.type" -> "generation";
              default -> "chat";
            };
        post(
            SPANS.span(
                "op",
                100,
                key,
                value,
                "gen_ai.provider.name",
                "openai",
                "gen_ai.request.model",
                "m-" + tag,
                "gen_ai.tool.name",
                "t-" + tag));
        String series =
            key.equals("traceloop.span.kind")
                ? "gen_ai_execute_tool_duration_seconds_count"
                : "gen_ai_client_inference_duration_seconds_count";
        String[] labels =
            key.equals("traceloop.span.kind")
                ? new String[] {"gen_ai_tool_name", "t-" + tag}
                : new String[] {"gen_ai_request_model", "m-" + tag};
        assertThat(scrape().value(series, labels)).isEqualTo(1);
      }
      case PROVIDER -> {
        post(
            SPANS.span(
                "p",
                100,
                "gen_ai.operation.name",
                "chat",
                key,
                "cohere",
                "gen_ai.request.model",
                "m-" + tag));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_client_inference_duration_seconds_count",
                        "gen_ai_request_model",
                        "m-" + tag,
                        "gen_ai_provider_name",
                        "cohere"))
            .isEqualTo(1);
      }
      case REQUEST_MODEL, RESPONSE_MODEL -> {
        post(SPANS.span("m", 100, with(chat, key, "m-" + tag)));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_client_inference_duration_seconds_count",
                        "gen_ai_request_model",
                        "m-" + tag))
            .isEqualTo(1);
      }
      case INPUT_TOKENS, OUTPUT_TOKENS, CACHE_READ_TOKENS, CACHE_WRITE_TOKENS, REASONING_TOKENS -> {
        // Cached tokens are parts of the input, reasoning ones of the output: give those.
        Object[] whole =
            field == GenAiField.REASONING_TOKENS
                ? new Object[] {"gen_ai.usage.output_tokens", 50L}
                : field == GenAiField.CACHE_READ_TOKENS || field == GenAiField.CACHE_WRITE_TOKENS
                    ? new Object[] {"gen_ai.usage.input_tokens", 100L}
                    : new Object[0];
        post(
            SPANS.span(
                "t", 100, with(with(chat, whole), "gen_ai.request.model", "m-" + tag, key, 7L)));
        String series =
            switch (field) {
              case INPUT_TOKENS -> "gen_ai_client_inference_usage_input_tokens_total";
              case OUTPUT_TOKENS -> "gen_ai_client_inference_usage_output_tokens_total";
              case CACHE_READ_TOKENS ->
                  "gen_ai_client_inference_usage_cache_read_input_tokens_total";
              case CACHE_WRITE_TOKENS ->
                  "gen_ai_client_inference_usage_cache_write_input_tokens_total";
              default -> "gen_ai_client_inference_usage_reasoning_output_tokens_total";
            };
        assertThat(scrape().value(series, "gen_ai_request_model", "m-" + tag)).isEqualTo(7);
      }
      case TIME_TO_FIRST_CHUNK -> {
        post(SPANS.span("f", 100, with(chat, "gen_ai.request.model", "m-" + tag, key, 0.05)));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_client_inference_time_to_first_chunk_seconds_count",
                        "gen_ai_request_model",
                        "m-" + tag))
            .isEqualTo(1);
      }
      case USAGE_DETAILS -> {
        post(
            SPANS.span(
                "u", 100, with(chat, "gen_ai.request.model", "m-" + tag, key, "{\"input\":7}")));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_client_inference_usage_input_tokens_total",
                        "gen_ai_request_model",
                        "m-" + tag))
            .isEqualTo(7);
      }
      case COST_DETAILS -> {
        post(
            SPANS.span(
                "c", 100, with(chat, "gen_ai.request.model", "m-" + tag, key, "{\"total\":0.7}")));
        assertThat(scrape().value("agent_cost_usd_total", "gen_ai_request_model", "m-" + tag))
            .isEqualTo(0.7);
      }
      case FIRST_CHUNK_TIME -> {
        post(
            SPANS.span(
                "f",
                100,
                with(chat, "gen_ai.request.model", "m-" + tag, key, "2025-06-15T15:06:40.050Z")));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_client_inference_time_to_first_chunk_seconds_sum",
                        "gen_ai_request_model",
                        "m-" + tag))
            .isEqualTo(0.05);
      }
      case AGENT_NAME -> {
        post(SPANS.span("a", 100, "gen_ai.operation.name", "invoke_agent", key, "a-" + tag));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_invoke_agent_duration_seconds_count",
                        "gen_ai_agent_name",
                        "a-" + tag))
            .isEqualTo(1);
      }
      case TOOL_NAME -> {
        post(SPANS.span("t", 100, "gen_ai.operation.name", "execute_tool", key, "t-" + tag));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_execute_tool_duration_seconds_count",
                        "gen_ai_tool_name",
                        "t-" + tag))
            .isEqualTo(1);
      }
      case TOOL_TYPE -> {
        post(
            SPANS.span(
                "t",
                100,
                "gen_ai.operation.name",
                "execute_tool",
                "gen_ai.tool.name",
                "t-" + tag,
                key,
                "extension"));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_execute_tool_duration_seconds_count",
                        "gen_ai_tool_name",
                        "t-" + tag,
                        "gen_ai_tool_type",
                        "extension"))
            .isEqualTo(1);
      }
      case DATA_SOURCE -> {
        post(SPANS.span("r", 100, "gen_ai.operation.name", "retrieval", key, "s-" + tag));
        assertThat(scrape().value("agent_rag_documents_retrieved_count", "store", "s-" + tag))
            .isEqualTo(1);
      }
      case RETRIEVED_DOCUMENTS -> {
        Object[] documents =
            key.equals("retrieval.documents")
                ? new Object[] {
                  "retrieval.documents.0.document.id", "x", "retrieval.documents.1.document.id", "y"
                }
                : new Object[] {key, "[{\"id\":\"x\"},{\"id\":\"y\"}]"};
        post(
            SPANS.span(
                "r",
                100,
                with(
                    documents,
                    "gen_ai.operation.name",
                    "retrieval",
                    "gen_ai.data_source.id",
                    "s-" + tag)));
        assertThat(scrape().value("agent_rag_documents_retrieved_sum", "store", "s-" + tag))
            .isEqualTo(2);
      }
      case ERROR_TYPE, LEVEL -> {
        // A level names no type: ERROR is a failure of type _OTHER.
        String value = field == GenAiField.LEVEL ? "ERROR" : "E-" + tag;
        post(SPANS.span("e", 100, with(chat, "gen_ai.request.model", "m-" + tag, key, value)));
        assertThat(
                scrape()
                    .value(
                        "gen_ai_client_inference_duration_seconds_count",
                        "gen_ai_request_model",
                        "m-" + tag,
                        "error_type",
                        field == GenAiField.LEVEL ? "_OTHER" : value))
            .isEqualTo(1);
      }
      default ->
          throw new AssertionError(
              field
                  + " has no case here: add one, or name the test that shows it in"
                  + " TESTED_ELSEWHERE");
    }
  }

  private static Object[] with(Object[] base, Object... more) {
    Object[] all = new Object[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static Scrape scrape() {
    return new Scrape(server.scrape());
  }

  private static void post(Span span) {
    HttpResponse<byte[]> response =
        server.sendForBytes(
            server
                .request("/v1/traces")
                .header("Content-Type", "application/x-protobuf")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        OtlpVariantsTest.request("variants", span).toByteArray())));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).as("no partial success").isEmpty();
  }
}
