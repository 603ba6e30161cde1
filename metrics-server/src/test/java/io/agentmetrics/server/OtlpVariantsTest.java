package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import io.agentmetrics.server.otlp.GenAiField;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each attribute variant of the mapping table ({@link GenAiField}), sent as the instrumentations in
 * the wild write it, is recorded under the catalogue's names; invalid spans are refused with OTLP's
 * partial success while the valid ones of the same request are kept.
 */
class OtlpVariantsTest {

  private static final long T0 = 1_750_000_000_000_000_000L;
  private final TestServer server = new TestServer();
  private int nextId = 1;

  @AfterEach
  void stop() {
    server.close();
  }

  static KeyValue attribute(String key, Object value) {
    AnyValue.Builder any = AnyValue.newBuilder();
    if (value instanceof Long number) {
      any.setIntValue(number);
    } else if (value instanceof Integer number) {
      any.setIntValue(number);
    } else if (value instanceof Double number) {
      any.setDoubleValue(number);
    } else {
      any.setStringValue(String.valueOf(value));
    }
    return KeyValue.newBuilder().setKey(key).setValue(any).build();
  }

  /** A span of {@code millis} ms with {@code attributes} (key, value, key, value ...). */
  Span span(String name, long millis, Object... attributes) {
    Span.Builder span =
        Span.newBuilder()
            .setName(name)
            .setTraceId(ByteString.copyFrom(new byte[16]))
            .setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) nextId++}))
            .setStartTimeUnixNano(T0)
            .setEndTimeUnixNano(T0 + millis * 1_000_000L);
    for (int i = 0; i < attributes.length; i += 2) {
      span.addAttributes(attribute((String) attributes[i], attributes[i + 1]));
    }
    return span.build();
  }

  /** A {@code chat} span of OpenAI's gpt-4o (current conventions) with {@code more} attributes. */
  Span gpt4oChat(String name, long millis, Object... more) {
    Object[] chat = {
      "gen_ai.operation.name",
      "chat",
      "gen_ai.provider.name",
      "openai",
      "gen_ai.request.model",
      "gpt-4o"
    };
    return span(name, millis, concat(chat, more));
  }

  private static Object[] concat(Object[] first, Object[] more) {
    Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  static ExportTraceServiceRequest request(String service, Span... spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder().addAttributes(attribute("service.name", service)))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans))))
        .build();
  }

  HttpResponse<byte[]> post(ExportTraceServiceRequest request) {
    return server.sendForBytes(
        server
            .request("/v1/traces")
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())));
  }

  ExportTraceServiceResponse accepted(ExportTraceServiceRequest request) throws Exception {
    HttpResponse<byte[]> response = post(request);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
    return ExportTraceServiceResponse.parseFrom(response.body());
  }

  @Test
  void openLlmetrySpansAreRecorded() throws Exception {
    // @traceloop/instrumentation-openai: llm.request.type, gen_ai.system, prompt/completion tokens.
    ExportTraceServiceResponse response =
        accepted(
            request(
                "travel-agent",
                span(
                    "openai.chat",
                    400,
                    "llm.request.type",
                    "chat",
                    "gen_ai.system",
                    "openai",
                    "gen_ai.request.model",
                    "gpt-4o-mini",
                    "gen_ai.response.model",
                    "gpt-4o-mini-2024-07-18",
                    "gen_ai.usage.prompt_tokens",
                    90L,
                    "gen_ai.usage.completion_tokens",
                    12L,
                    "gen_ai.usage.cache_read_input_tokens",
                    64L,
                    "llm.usage.total_tokens",
                    102L),
                span(
                    "book_flight.tool",
                    80,
                    "traceloop.span.kind",
                    "tool",
                    "traceloop.entity.name",
                    "book_flight")));

    assertThat(response.hasPartialSuccess()).isFalse();
    Scrape scrape = new Scrape(server.scrape());
    String[] tokens = {"gen_ai_request_model", "gpt-4o-mini", "gen_ai_agent_name", "travel-agent"};
    assertThat(scrape.value("gen_ai_client_inference_usage_input_tokens_total", tokens))
        .isEqualTo(90);
    assertThat(scrape.value("gen_ai_client_inference_usage_output_tokens_total", tokens))
        .isEqualTo(12);
    assertThat(scrape.value("gen_ai_client_inference_usage_cache_read_input_tokens_total", tokens))
        .isEqualTo(64);
    assertThat(
            scrape.value(
                "gen_ai_execute_tool_duration_seconds_sum",
                "gen_ai_tool_name",
                "book_flight",
                "gen_ai_agent_name",
                "travel-agent"))
        .isCloseTo(0.08, within(1e-9));
  }

  @Test
  void openInferenceSpansAreRecorded() throws Exception {
    // OpenInference (Arize): span kinds, llm.* token counts, flattened retrieval documents.
    accepted(
        request(
            "research-agent",
            span(
                "ChatCompletion",
                700,
                "openinference.span.kind",
                "LLM",
                "llm.provider",
                "anthropic",
                "llm.model_name",
                "claude-sonnet-4",
                "llm.token_count.prompt",
                300L,
                "llm.token_count.completion",
                40L,
                "llm.token_count.prompt_details.cache_write",
                200L,
                "llm.token_count.completion_details.reasoning",
                10L),
            span(
                "retrieve",
                120,
                "openinference.span.kind",
                "RETRIEVER",
                "retrieval.documents.0.document.id",
                "a",
                "retrieval.documents.0.document.score",
                0.91,
                "retrieval.documents.1.document.id",
                "b",
                "retrieval.documents.1.document.score",
                0.42),
            span(
                "research-agent",
                2000,
                "openinference.span.kind",
                "AGENT",
                "agent.name",
                "researcher")));

    Scrape scrape = new Scrape(server.scrape());
    String[] tokens = {
      "gen_ai_request_model", "claude-sonnet-4", "gen_ai_provider_name", "anthropic"
    };
    assertThat(scrape.value("gen_ai_client_inference_usage_input_tokens_total", tokens))
        .isEqualTo(300);
    assertThat(scrape.value("gen_ai_client_inference_usage_cache_write_input_tokens_total", tokens))
        .isEqualTo(200);
    assertThat(scrape.value("gen_ai_client_inference_usage_reasoning_output_tokens_total", tokens))
        .isEqualTo(10);
    assertThat(scrape.value("agent_rag_documents_retrieved_sum", "store", "unknown")).isEqualTo(2);
    assertThat(scrape.value("agent_rag_relevance_score_sum", "store", "unknown"))
        .isCloseTo(0.91, within(1e-9));
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_duration_seconds_sum", "gen_ai_agent_name", "researcher"))
        .isCloseTo(2.0, within(1e-9));
  }

  @Test
  void currentConventionsRetrievalAndEmbeddings() throws Exception {
    accepted(
        request(
            "kb-service",
            span(
                "embeddings text-embedding-3-small",
                50,
                "gen_ai.operation.name",
                "embeddings",
                "gen_ai.provider.name",
                "openai",
                "gen_ai.request.model",
                "text-embedding-3-small",
                "gen_ai.usage.input_tokens",
                12L),
            span(
                "retrieval kb",
                30,
                "gen_ai.operation.name",
                "retrieval",
                "gen_ai.data_source.id",
                "kb",
                "gen_ai.retrieval.documents",
                "[{\"id\":\"1\",\"score\":0.8},{\"id\":\"2\",\"score\":0.6},{\"id\":\"3\"}]")));

    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "gen_ai_client_inference_duration_seconds_count",
                "gen_ai_operation_name",
                "embeddings",
                "gen_ai_request_model",
                "text-embedding-3-small"))
        .isEqualTo(1);
    assertThat(scrape.value("agent_rag_documents_retrieved_sum", "store", "kb")).isEqualTo(3);
    assertThat(scrape.value("agent_rag_relevance_score_sum", "store", "kb"))
        .isCloseTo(0.8, within(1e-9));
  }

  @Test
  void invalidSpansAreRefusedByPartialSuccessAndTheValidOnesKept() throws Exception {
    ExportTraceServiceResponse response =
        accepted(
            request(
                "support-bot",
                gpt4oChat("chat negative", 100, "gen_ai.usage.input_tokens", -5L),
                gpt4oChat("chat forever", 1_000L * 3600 * 48),
                gpt4oChat("chat words", 100, "gen_ai.usage.output_tokens", "many"),
                gpt4oChat("chat fine", 100, "gen_ai.usage.input_tokens", 7L)));

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(3);
    assertThat(response.getPartialSuccess().getErrorMessage())
        .contains("'gen_ai.usage.input_tokens' must be a whole number of tokens", "172800.0 s")
        .contains("'gen_ai.usage.output_tokens' must be a whole number of tokens")
        .doesNotContain("Exception");
    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(7);
    assertThat(
            scrape.value("agentmetrics_otlp_items_total", "signal", "spans", "result", "rejected"))
        .isEqualTo(3);
  }

  /** A tools/call span of {@code tool}, of {@code kind}, with {@code more} attributes. */
  Span toolsCall(Span.SpanKind kind, String tool, long millis, Object... more) {
    Object[] attributes = new Object[8 + more.length];
    System.arraycopy(
        new Object[] {
          "mcp.method.name", "tools/call",
          "gen_ai.operation.name", "execute_tool",
          "gen_ai.tool.name", tool,
          "network.transport", "tcp"
        },
        0,
        attributes,
        0,
        8);
    System.arraycopy(more, 0, attributes, 8, more.length);
    return span("tools/call " + tool, millis, attributes).toBuilder().setKind(kind).build();
  }

  @Test
  void mcpSpansAreMcpOperationsByTheirKindAndAClientsToolCallIsTheAgentsToo() throws Exception {
    // The GenAI conventions' MCP spans: "{method} {target}", CLIENT or SERVER; a tools/call
    // span carries execute_tool and the tool's name; error.type is the JSON-RPC code or
    // tool_error.
    Span call = toolsCall(Span.SpanKind.SPAN_KIND_CLIENT, "lookup_order", 300);
    Span failed =
        toolsCall(Span.SpanKind.SPAN_KIND_CLIENT, "refund", 100, "error.type", "tool_error");
    Span listed =
        span("tools/list", 50, "mcp.method.name", "tools/list", "network.transport", "pipe")
            .toBuilder()
            .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
            .build();
    Span served =
        toolsCall(Span.SpanKind.SPAN_KIND_SERVER, "lookup_order", 250, "error.type", "-32603");
    Span internal = span("tools/list", 10, "mcp.method.name", "tools/list");

    assertThat(
            accepted(request("support-bot", call, failed, listed, served, internal))
                .hasPartialSuccess())
        .isFalse();

    Scrape scrape = new Scrape(server.scrape());
    String client = "mcp_client_operation_duration_seconds_sum";
    assertThat(scrape.value(client, "gen_ai_tool_name", "lookup_order", "error_type", ""))
        .isCloseTo(0.3, within(1e-9));
    assertThat(scrape.value(client, "gen_ai_tool_name", "refund", "error_type", "tool_error"))
        .isCloseTo(0.1, within(1e-9));
    assertThat(scrape.value(client, "mcp_method_name", "tools/list", "network_transport", "pipe"))
        .isCloseTo(0.05, within(1e-9));
    assertThat(
            scrape.value(
                "mcp_client_operation_duration_seconds_count", "mcp_method_name", "tools/list"))
        .as("the INTERNAL span is not an MCP request")
        .isEqualTo(1);
    assertThat(
            scrape.value(
                "mcp_server_operation_duration_seconds_sum",
                "gen_ai_tool_name",
                "lookup_order",
                "error_type",
                "-32603"))
        .isCloseTo(0.25, within(1e-9));
    // The client's tool calls are the agent's; the server's call of the same tool is not.
    assertThat(
            scrape.value(
                "gen_ai_execute_tool_duration_seconds_count",
                "gen_ai_agent_name",
                "support-bot",
                "gen_ai_tool_name",
                "lookup_order"))
        .isEqualTo(1);
    assertThat(
            scrape.value(
                "gen_ai_execute_tool_duration_seconds_count",
                "gen_ai_tool_name",
                "refund",
                "error_type",
                "tool_error"))
        .isEqualTo(1);
  }

  private static Span under(Span parent, Span child) {
    return child.toBuilder().setParentSpanId(parent.getSpanId()).build();
  }

  @Test
  void aWorkflowSpanIsAWorkflowRunItsChildrenStepsAndTheCallsBelowCountByStep() throws Exception {
    Span workflow =
        span(
            "invoke_workflow refund_review",
            3000,
            "gen_ai.operation.name",
            "invoke_workflow",
            "gen_ai.workflow.name",
            "refund_review");
    Span triage =
        under(
            workflow,
            span(
                "invoke_agent triage",
                1000,
                "gen_ai.operation.name",
                "invoke_agent",
                "gen_ai.agent.name",
                "triage"));
    Span triageCall =
        under(
            triage,
            gpt4oChat(
                "chat gpt-4o",
                800,
                "gen_ai.usage.input_tokens",
                300L,
                "gen_ai.usage.output_tokens",
                20L));
    Span drafter =
        under(
            workflow,
            span(
                "invoke_agent drafter",
                1500,
                "gen_ai.operation.name",
                "invoke_agent",
                "gen_ai.agent.name",
                "drafter",
                "error.type",
                "timeout"));
    Span drafterCall =
        under(
            drafter,
            gpt4oChat(
                "chat gpt-4o",
                1200,
                "gen_ai.usage.input_tokens",
                500L,
                "gen_ai.usage.output_tokens",
                90L));
    Span outside = gpt4oChat("chat gpt-4o", 100, "gen_ai.usage.input_tokens", 7L);

    assertThat(
            accepted(
                    request(
                        "support-bot", workflow, triage, triageCall, drafter, drafterCall, outside))
                .hasPartialSuccess())
        .isFalse();

    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "gen_ai_invoke_workflow_duration_seconds_sum",
                "gen_ai_workflow_name",
                "refund_review"))
        .isCloseTo(3.0, within(1e-9));
    assertThat(
            scrape.value(
                "agent_workflow_step_duration_seconds_sum",
                "workflow_step",
                "triage",
                "error_type",
                ""))
        .isCloseTo(1.0, within(1e-9));
    assertThat(
            scrape.value(
                "agent_workflow_step_duration_seconds_sum",
                "workflow_step",
                "drafter",
                "error_type",
                "timeout"))
        .isCloseTo(1.5, within(1e-9));
    String[] triageStep = {"gen_ai_workflow_name", "refund_review", "workflow_step", "triage"};
    String[] drafterStep = {"gen_ai_workflow_name", "refund_review", "workflow_step", "drafter"};
    assertThat(scrape.value("agent_workflow_step_input_tokens_total", triageStep)).isEqualTo(300);
    assertThat(scrape.value("agent_workflow_step_output_tokens_total", drafterStep)).isEqualTo(90);
    // The call outside the workflow counts as a call, not by step; every call's tokens count once.
    assertThat(scrape.find("agent_workflow_step_input_tokens_total")).hasSize(2);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_input_tokens_total", "gen_ai_agent_name", "triage"))
        .isEqualTo(300);
    assertThat(scrape.value("agent_workflow_step_cost_usd_total", drafterStep))
        .isCloseTo(
            io.agentmetrics.core.PriceTable.bundled()
                .costUsd("openai", "gpt-4o", 500, 90, 0)
                .getAsDouble(),
            within(1e-12));
  }

  /** An OpenInference LLM span (a framework's, e.g. LangChain.js's) with gpt-4o's usage. */
  Span openInferenceLlm(String name, long millis) {
    return span(
        name,
        millis,
        "openinference.span.kind",
        "LLM",
        "llm.provider",
        "openai",
        "llm.model_name",
        "gpt-4o",
        "llm.token_count.prompt",
        100L,
        "llm.token_count.completion",
        20L);
  }

  @Test
  void aWrapperSpanRepeatingItsChildCallsUsageIsNotASecondCall() throws Exception {
    // A framework's LLM span around the client instrumentation's chat span, both with the usage:
    // in one export, and in two (the child ends first, so it may be exported in an earlier batch).
    Span run = span("invoke_agent support-bot", 1000, "gen_ai.operation.name", "invoke_agent");
    Span wrapper = under(run, openInferenceLlm("ChatOpenAI", 900));
    Span call = under(wrapper, gpt4oChat("chat gpt-4o", 800, "gen_ai.usage.input_tokens", 100L));
    assertThat(accepted(request("support-bot", call, wrapper, run)).hasPartialSuccess()).isFalse();
    Span laterWrapper = openInferenceLlm("ChatOpenAI", 900);
    Span earlierCall =
        under(laterWrapper, gpt4oChat("chat gpt-4o", 800, "gen_ai.usage.input_tokens", 100L));
    accepted(request("support-bot", earlierCall));
    accepted(request("support-bot", laterWrapper));

    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "gen_ai_client_inference_duration_seconds_count", "gen_ai_request_model", "gpt-4o"))
        .isEqualTo(2);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(200);
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_inference_calls_sum", "gen_ai_agent_name", "support-bot"))
        .as("the run made one call, not two")
        .isEqualTo(1);
  }

  /** An OpenLIT chat span of gpt-4o ({@code gen_ai.system}) with {@code more} attributes. */
  Span openLitChat(Object... more) {
    Object[] chat = {
      "gen_ai.operation.name", "chat", "gen_ai.system", "openai", "gen_ai.request.model", "gpt-4o"
    };
    return span("chat gpt-4o", 1200, concat(chat, more));
  }

  @Test
  void openLitsCostAndTimeToFirstTokenAreTheCallsNeverAddedToOurs() throws Exception {
    // OpenLIT: gen_ai.system, its own cost, and its client-side time to first token under the
    // server metric's name.
    ExportTraceServiceResponse response =
        accepted(
            request(
                "support-bot",
                openLitChat(
                    "gen_ai.usage.input_tokens",
                    1000L,
                    "gen_ai.usage.output_tokens",
                    200L,
                    "gen_ai.usage.cost",
                    0.5,
                    "gen_ai.server.time_to_first_token",
                    0.25),
                openLitChat("gen_ai.usage.cost", -1.0),
                // OpenLIT's cost of a model it has no price for: the price table's.
                openLitChat(
                    "gen_ai.usage.input_tokens",
                    1000L,
                    "gen_ai.usage.output_tokens",
                    200L,
                    "gen_ai.usage.cost",
                    0.0,
                    "gen_ai.agent.name",
                    "refund-bot")));

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage())
        .contains("'gen_ai.usage.cost' must be a cost in USD between 0 and");
    Scrape scrape = new Scrape(server.scrape());
    assertThat(scrape.value("agent_cost_usd_total", "gen_ai_agent_name", "support-bot"))
        .as("the sender's cost instead of the price table's, not both")
        .isCloseTo(0.5, within(1e-12));
    assertThat(scrape.value("agent_cost_usd_total", "gen_ai_agent_name", "refund-bot"))
        .isCloseTo(
            io.agentmetrics.core.PriceTable.bundled()
                .costUsd("openai", "gpt-4o", 1000, 200, 0)
                .orElseThrow(),
            within(1e-12));
    assertThat(
            scrape.value(
                "gen_ai_client_inference_time_to_first_chunk_seconds_sum",
                "gen_ai_request_model",
                "gpt-4o"))
        .isCloseTo(0.25, within(1e-12));
  }

  @Test
  void langChainsProviderIsReadFromTheRunMetadataOpenInferenceExports() throws Exception {
    // @arizeai/openinference-instrumentation-langchain names no provider attribute; LangChain's
    // run metadata (ls_provider) does, as a JSON attribute.
    Span llm =
        span(
            "ChatOpenAI",
            700,
            "openinference.span.kind",
            "LLM",
            "llm.model_name",
            "gpt-4o",
            "llm.token_count.prompt",
            1000L,
            "llm.token_count.completion",
            200L,
            "metadata",
            "{\"ls_provider\":\"openai\",\"ls_model_name\":\"gpt-4o\",\"ls_model_type\":\"chat\"}");
    assertThat(accepted(request("support-bot", llm)).hasPartialSuccess()).isFalse();

    Scrape scrape = new Scrape(server.scrape());
    assertThat(openAiGpt4oCalls(scrape)).isEqualTo(1);
    double cost =
        io.agentmetrics.core.PriceTable.bundled()
            .costUsd("openai", "gpt-4o", 1000, 200, 0)
            .orElseThrow();
    assertThat(scrape.value("agent_cost_usd_total", "gen_ai_agent_name", "support-bot"))
        .isCloseTo(cost, within(1e-12));
  }

  @Test
  void langfuseObservationsAreRunsToolsAndCallsWithTheirJsonUsageCostAndFirstChunk()
      throws Exception {
    // What @langfuse/tracing and @langfuse/openai's observeOpenAI write: observation types, usage
    // and cost as JSON (input without its cached part, as Langfuse counts it), the first chunk's
    // time, level ERROR on a failed call, no provider (the resource names it) and no span status.
    Span agent = span("support-bot", 2000, "langfuse.observation.type", "agent");
    Span tool = under(agent, span("lookup_order", 20, "langfuse.observation.type", "tool"));
    Span plain =
        under(
            agent,
            langfuseGeneration(
                "gpt-4o",
                "langfuse.observation.usage_details",
                "{\"input\":800,\"output\":150,\"total\":1000,\"input_cached_tokens\":200,"
                    + "\"output_reasoning_tokens\":50,\"input_audio_tokens\":0}"));
    Span streamed =
        under(
            agent,
            langfuseGeneration(
                "gpt-4o",
                "langfuse.observation.usage_details",
                "{\"input\":1000,\"output\":200,\"total\":1200}",
                "langfuse.observation.completion_start_time",
                "\"2025-06-15T15:06:40.250Z\""));
    Span failed =
        under(
            agent,
            langfuseGeneration(
                "gpt-4o",
                "langfuse.observation.level",
                "ERROR",
                "langfuse.observation.status_message",
                "Error: 429 slow down",
                "langfuse.observation.cost_details",
                "{\"input\":0,\"output\":0,\"total\":0}"));
    Span priced =
        langfuseGeneration(
            "gpt-4o-mini",
            "langfuse.observation.usage_details",
            "{\"input\":10,\"output\":5}",
            "langfuse.observation.cost_details",
            "{\"input\":0.3,\"output\":0.2}");
    Span negative =
        langfuseGeneration(
            "gpt-4o", "langfuse.observation.usage_details", "{\"input\":-5,\"output\":1}");
    Span notJson = langfuseGeneration("gpt-4o", "langfuse.observation.usage_details", "input=5");
    Span badCost = langfuseGeneration("gpt-4o", "langfuse.observation.cost_details", "0.5 USD");
    ExportTraceServiceRequest request =
        request(
            "support-bot",
            agent,
            tool,
            plain,
            streamed,
            failed,
            priced,
            negative,
            notJson,
            badCost);
    ExportTraceServiceRequest withProvider =
        request.toBuilder()
            .setResourceSpans(
                0,
                request.getResourceSpans(0).toBuilder()
                    .setResource(
                        request.getResourceSpans(0).getResource().toBuilder()
                            .addAttributes(attribute("gen_ai.provider.name", "openai"))))
            .build();
    ExportTraceServiceResponse response = accepted(withProvider);
    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(3);
    assertThat(response.getPartialSuccess().getErrorMessage())
        .contains("'langfuse.observation.usage_details' must hold whole numbers of tokens")
        .contains("'langfuse.observation.usage_details' must be a JSON object of token counts")
        .contains("'langfuse.observation.cost_details' must be a cost in USD between 0 and");
    // Without the resource's provider: the call is recorded, under provider "unknown".
    assertThat(
            accepted(
                    request(
                        "other-bot",
                        langfuseGeneration(
                            "gpt-4o", "langfuse.observation.usage_details", "{\"input\":1}")))
                .hasPartialSuccess())
        .isFalse();

    Scrape scrape = new Scrape(server.scrape());
    String[] openaiGpt4o = {"gen_ai_provider_name", "openai", "gen_ai_request_model", "gpt-4o"};
    assertThat(
            scrape.value(
                "gen_ai_client_inference_duration_seconds_count",
                concatLabels(openaiGpt4o, "error_type", "")))
        .isEqualTo(2);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_duration_seconds_count",
                concatLabels(openaiGpt4o, "error_type", "_OTHER")))
        .isEqualTo(1);
    assertThat(ofSupportBotsGpt4o(scrape, "gen_ai_client_inference_usage_input_tokens_total"))
        .isEqualTo(2000);
    assertThat(ofSupportBotsGpt4o(scrape, "gen_ai_client_inference_usage_output_tokens_total"))
        .isEqualTo(400);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_cache_read_input_tokens_total",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(200);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_reasoning_output_tokens_total",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(50);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_time_to_first_chunk_seconds_sum",
                "gen_ai_request_model",
                "gpt-4o"))
        .isCloseTo(0.25, within(1e-9));
    io.agentmetrics.core.PriceTable prices = io.agentmetrics.core.PriceTable.bundled();
    assertThat(
            scrape.value(
                "agent_cost_usd_total",
                "gen_ai_agent_name",
                "support-bot",
                "gen_ai_request_model",
                "gpt-4o"))
        .as("the price table's, the failed call's cost of 0 read as none")
        .isCloseTo(
            prices.costUsd("openai", "gpt-4o", 1000, 200, 200).orElseThrow()
                + prices.costUsd("openai", "gpt-4o", 1000, 200, 0).orElseThrow(),
            within(1e-12));
    assertThat(scrape.value("agent_cost_usd_total", "gen_ai_request_model", "gpt-4o-mini"))
        .as("the sender's cost, the sum of its types")
        .isCloseTo(0.5, within(1e-12));
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_duration_seconds_count", "gen_ai_agent_name", "support-bot"))
        .isEqualTo(1);
    assertThat(
            scrape.value(
                "gen_ai_execute_tool_duration_seconds_count",
                "gen_ai_tool_name",
                "lookup_order",
                "gen_ai_agent_name",
                "support-bot"))
        .isEqualTo(1);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_duration_seconds_count",
                "gen_ai_provider_name",
                "unknown",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(1);
  }

  @Test
  void mastrasOwnStepsAroundAndUnderItsChatSpansAreNoCalls() throws Exception {
    // What @mastra/otel-exporter writes for an agent run with a tool: invoke_agent, then its own
    // model_generation > agent_step > chat > model_chunk spans, with no provider or model on them
    // but the chat spans' (its provider as the AI SDK names it, reasoning under OpenLLMetry's key).
    Span agent =
        span(
            "invoke_agent support-bot",
            900,
            "gen_ai.operation.name",
            "invoke_agent",
            "gen_ai.agent.name",
            "support-bot");
    Span generation =
        under(
            agent,
            span("model_generation gpt-4o", 800, "gen_ai.operation.name", "model_generation"));
    List<Span> spans = new ArrayList<>(List.of(agent, generation));
    for (int step = 0; step < 2; step++) {
      Span agentStep =
          under(
              generation,
              span("agent_step support-bot", 300, "gen_ai.operation.name", "agent_step"));
      Span chat =
          under(
              agentStep,
              span(
                  "chat gpt-4o",
                  250,
                  "gen_ai.operation.name",
                  "chat",
                  "gen_ai.provider.name",
                  "openai.chat",
                  "gen_ai.request.model",
                  "gpt-4o",
                  "gen_ai.usage.input_tokens",
                  1000L,
                  "gen_ai.usage.output_tokens",
                  200L,
                  "gen_ai.usage.reasoning_tokens",
                  50L));
      spans.add(agentStep);
      spans.add(chat);
      spans.add(
          under(chat, span("model_chunk support-bot", 1, "gen_ai.operation.name", "model_chunk")));
      if (step == 0) {
        spans.add(
            under(
                agentStep,
                span(
                    "execute_tool lookup_order",
                    20,
                    "gen_ai.operation.name",
                    "execute_tool",
                    "gen_ai.tool.name",
                    "lookup_order")));
      }
    }
    ExportTraceServiceResponse response =
        accepted(request("support-bot", spans.toArray(new Span[0])));
    assertThat(response.hasPartialSuccess()).isFalse();

    Scrape scrape = new Scrape(server.scrape());
    assertThat(openAiGpt4oCalls(scrape)).isEqualTo(2);
    assertThat(ofSupportBotsGpt4o(scrape, "gen_ai_client_inference_usage_input_tokens_total"))
        .isEqualTo(2000);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_reasoning_output_tokens_total",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(100);
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_inference_calls_sum", "gen_ai_agent_name", "support-bot"))
        .as("the run's model calls: its two chat spans, not its own steps")
        .isEqualTo(2);
    assertThat(
            scrape.value("gen_ai_invoke_agent_tool_calls_sum", "gen_ai_agent_name", "support-bot"))
        .isEqualTo(1);
  }

  @Test
  void theOpenAiAgentsSdksTraceSpanAroundItsAgentIsNoSecondRun() throws Exception {
    // What @arizeai/openinference-instrumentation-openai-agents writes for one run: the SDK's
    // trace as an AGENT span naming no agent, a CHAIN, the agent (named by its graph node), a turn
    // CHAIN, the generation and the tool. Once in one request; once with the trace's spans (which
    // end last) in a later one; once with them in two later ones.
    for (int requests = 1; requests <= 3; requests++) {
      byte[] trace = new byte[16];
      trace[0] = (byte) requests;
      Span root = inTrace(trace, span("Agent workflow", 900, "openinference.span.kind", "AGENT"));
      Span chain =
          inTrace(
              trace, under(root, span("Agent workflow", 890, "openinference.span.kind", "CHAIN")));
      Span agent =
          inTrace(
              trace,
              under(
                  chain,
                  span(
                      "support-bot",
                      800,
                      "openinference.span.kind",
                      "AGENT",
                      "graph.node.id",
                      "support-bot")));
      Span turn =
          inTrace(trace, under(agent, span("turn", 700, "openinference.span.kind", "CHAIN")));
      Span generation =
          inTrace(
              trace,
              under(
                  turn,
                  span(
                      "generation",
                      600,
                      "openinference.span.kind",
                      "LLM",
                      "llm.system",
                      "openai",
                      "llm.model_name",
                      "gpt-4o",
                      "llm.token_count.prompt",
                      1000L,
                      "llm.token_count.completion",
                      200L)));
      Span tool =
          inTrace(
              trace,
              under(
                  turn,
                  span(
                      "lookup_order",
                      20,
                      "openinference.span.kind",
                      "TOOL",
                      "tool.name",
                      "lookup_order")));
      List<List<Span>> exports =
          switch (requests) {
            case 1 -> List.of(List.of(tool, generation, turn, agent, chain, root));
            case 2 -> List.of(List.of(tool, generation, turn, agent), List.of(chain, root));
            default ->
                List.of(List.of(tool, generation, turn, agent), List.of(chain), List.of(root));
          };
      for (List<Span> export : exports) {
        assertThat(
                accepted(request("node-support-bot", export.toArray(new Span[0])))
                    .hasPartialSuccess())
            .isFalse();
      }
    }

    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_duration_seconds_count", "gen_ai_agent_name", "support-bot"))
        .isEqualTo(3);
    assertThat(
            scrape.find(
                "gen_ai_invoke_agent_duration_seconds_count",
                "gen_ai_agent_name",
                "node-support-bot"))
        .as("the trace spans are no runs of the service")
        .isEmpty();
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_inference_calls_sum", "gen_ai_agent_name", "support-bot"))
        .isEqualTo(3);
    assertThat(ofSupportBotsGpt4o(scrape, "gen_ai_client_inference_usage_input_tokens_total"))
        .isEqualTo(3000);
  }

  private static Span inTrace(byte[] trace, Span span) {
    return span.toBuilder().setTraceId(ByteString.copyFrom(trace)).build();
  }

  /** The number of OpenAI gpt-4o calls on the scrape. */
  private static double openAiGpt4oCalls(Scrape scrape) {
    return scrape.value(
        "gen_ai_client_inference_duration_seconds_count",
        "gen_ai_provider_name",
        "openai",
        "gen_ai_request_model",
        "gpt-4o");
  }

  /** The sample of {@code series} for agent support-bot's calls of gpt-4o. */
  private static double ofSupportBotsGpt4o(Scrape scrape, String series) {
    return scrape.value(
        series, "gen_ai_agent_name", "support-bot", "gen_ai_request_model", "gpt-4o");
  }

  /** A Langfuse generation observation of {@code model}, as observeOpenAI names it. */
  private Span langfuseGeneration(String model, Object... more) {
    return span(
        "OpenAI.chat",
        700,
        concat(
            new Object[] {
              "langfuse.observation.type", "generation", "langfuse.observation.model.name", model
            },
            more));
  }

  private static String[] concatLabels(String[] labels, String... more) {
    String[] all = java.util.Arrays.copyOf(labels, labels.length + more.length);
    System.arraycopy(more, 0, all, labels.length, more.length);
    return all;
  }

  @Test
  void everyVariantOfTheTableIsDocumented() throws Exception {
    String page =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("..", "docs", "otlp.md"),
            java.nio.charset.StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    List<String> rows = new ArrayList<>();
    for (GenAiField field : GenAiField.values()) {
      for (GenAiField.Variant variant : field.variants()) {
        String row = "| `" + variant.key() + "` | " + variant.source() + " |";
        rows.add(row);
        if (!page.contains(row)) {
          missing.add(row);
        }
      }
    }
    assertThat(missing).as("rows docs/otlp.md must have (of %s)", rows.size()).isEmpty();
  }
}
