package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.core.PriceTable;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK, a real OTLP client, exporting GenAI spans and metrics to the real
 * server: over its OTLP/HTTP exporters (protobuf, gzip), and as the SDK's own OTLP JSON encoding
 * (gzip). Every span has explicit start and end times, so the scrape lines are exact.
 */
class OtlpJavaSdkTest {

  private static final Instant T0 = Instant.now();
  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");
  private static final AttributeKey<String> PROVIDER =
      AttributeKey.stringKey("gen_ai.provider.name");
  private static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  static Resource service(String name) {
    return Resource.getDefault().merge(Resource.builder().put("service.name", name).build());
  }

  /** A chat call of gpt-4o at OpenAI, started at T0, with 1000 input and 200 output tokens. */
  private static SpanBuilder gpt4oChat(Tracer tracer) {
    return tracer
        .spanBuilder("chat gpt-4o")
        .setStartTimestamp(T0)
        .setAttribute(OPERATION, "chat")
        .setAttribute(PROVIDER, "openai")
        .setAttribute(MODEL, "gpt-4o")
        .setAttribute("gen_ai.usage.input_tokens", 1000L)
        .setAttribute("gen_ai.usage.output_tokens", 200L);
  }

  /** An agent run with a chat call, a tool call and a plain HTTP span under it; a failed call. */
  static void conversation(Tracer tracer) {
    Span run =
        tracer
            .spanBuilder("invoke_agent support-bot")
            .setStartTimestamp(T0)
            .setAttribute(OPERATION, "invoke_agent")
            .setAttribute("gen_ai.agent.name", "support-bot")
            .startSpan();
    Context inRun = Context.current().with(run);
    gpt4oChat(tracer)
        .setParent(inRun)
        .setAttribute("gen_ai.usage.cache_read.input_tokens", 100L)
        .startSpan()
        .end(T0.plusMillis(1500));
    tracer
        .spanBuilder("execute_tool lookup_order")
        .setParent(inRun)
        .setStartTimestamp(T0.plusMillis(1500))
        .setAttribute(OPERATION, "execute_tool")
        .setAttribute("gen_ai.tool.name", "lookup_order")
        .startSpan()
        .end(T0.plusMillis(1750));
    tracer
        .spanBuilder("GET /orders/42")
        .setParent(inRun)
        .setStartTimestamp(T0.plusMillis(1500))
        .setAttribute("http.request.method", "GET")
        .startSpan()
        .end(T0.plusMillis(1700));
    run.end(T0.plusMillis(2000));
    // An older instrumentation's failed call: gen_ai.system and prompt/completion tokens.
    tracer
        .spanBuilder("chat gpt-4o-mini")
        .setStartTimestamp(T0)
        .setAttribute(OPERATION, "chat")
        .setAttribute("gen_ai.system", "openai")
        .setAttribute(MODEL, "gpt-4o-mini")
        .setAttribute("gen_ai.usage.prompt_tokens", 40L)
        .setAttribute("gen_ai.usage.completion_tokens", 0L)
        .setAttribute("error.type", "RateLimitError")
        .startSpan()
        .setStatus(StatusCode.ERROR)
        .end(T0.plusMillis(250));
  }

  static void assertConversationRecorded(Scrape scrape, int times) {
    String[] chat = {
      "gen_ai_operation_name", "chat", "gen_ai_provider_name", "openai",
      "gen_ai_request_model", "gpt-4o", "error_type", ""
    };
    assertThat(scrape.value("gen_ai_client_inference_duration_seconds_count", chat))
        .isEqualTo(times);
    assertThat(scrape.value("gen_ai_client_inference_duration_seconds_sum", chat))
        .isCloseTo(1.5 * times, within(1e-9));
    String[] tokens = {"gen_ai_request_model", "gpt-4o", "gen_ai_agent_name", "support-bot"};
    assertThat(scrape.value("gen_ai_client_inference_usage_input_tokens_total", tokens))
        .isEqualTo(1000.0 * times);
    assertThat(scrape.value("gen_ai_client_inference_usage_output_tokens_total", tokens))
        .isEqualTo(200.0 * times);
    assertThat(scrape.value("gen_ai_client_inference_usage_cache_read_input_tokens_total", tokens))
        .isEqualTo(100.0 * times);
    double cost = PriceTable.bundled().costUsd("openai", "gpt-4o", 1000, 200, 100).orElseThrow();
    assertThat(scrape.value("agent_cost_usd_total", "gen_ai_agent_name", "support-bot"))
        .isCloseTo(cost * times, within(1e-12));
    assertThat(
            scrape.value(
                "gen_ai_execute_tool_duration_seconds_sum",
                "gen_ai_tool_name",
                "lookup_order",
                "gen_ai_agent_name",
                "support-bot"))
        .isCloseTo(0.25 * times, within(1e-9));
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_duration_seconds_sum",
                "gen_ai_agent_name",
                "support-bot",
                "error_type",
                ""))
        .isCloseTo(2.0 * times, within(1e-9));
    // The run made one inference call and one tool call (the HTTP span is neither).
    assertThat(
            scrape.value(
                "gen_ai_invoke_agent_inference_calls_sum", "gen_ai_agent_name", "support-bot"))
        .isEqualTo(1.0 * times);
    assertThat(
            scrape.value("gen_ai_invoke_agent_tool_calls_sum", "gen_ai_agent_name", "support-bot"))
        .isEqualTo(1.0 * times);
    // The failed call, under the service's name: no agent span encloses it.
    assertThat(
            scrape.value(
                "gen_ai_client_inference_duration_seconds_count",
                "gen_ai_request_model",
                "gpt-4o-mini",
                "gen_ai_provider_name",
                "openai",
                "error_type",
                "RateLimitError"))
        .isEqualTo(times);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_request_model",
                "gpt-4o-mini",
                "gen_ai_agent_name",
                "support-bot-py"))
        .isEqualTo(40.0 * times);
    assertThat(
            scrape.value("agentmetrics_otlp_items_total", "signal", "spans", "result", "recorded"))
        .isEqualTo(4.0 * times);
    assertThat(
            scrape.value("agentmetrics_otlp_items_total", "signal", "spans", "result", "ignored"))
        .isEqualTo(1.0 * times);
  }

  @Test
  void spansFromTheSdksOtlpHttpExporterBecomeCatalogueEvents() {
    SpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(server.uri("/v1/traces").toString())
            .setCompression("gzip")
            .build();
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(service("support-bot-py"))
            // The SDK's default processor: the spans of the conversation go in one export request.
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build()) {
      conversation(tracing.get("agentmetrics-test"));
      assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
    assertConversationRecorded(new Scrape(server.scrape()), 1);
  }

  @Test
  void aFullSdkBatchOf512CallsWithTheirPromptsCapturedIsRecordedWithTheDefaultLimit() {
    InMemorySpanExporter copy = InMemorySpanExporter.create();
    SpanExporter exporter =
        OtlpHttpSpanExporter.builder().setEndpoint(server.uri("/v1/traces").toString()).build();
    String prompt = "Where is my order? ".repeat(240); // 4.5 KiB, as instrumentations capture
    int bodyBytes;
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(service("support-bot"))
            .addSpanProcessor(SimpleSpanProcessor.create(copy))
            // The SDK's default processor: a full queue of 512 spans goes in one export request.
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build()) {
      Tracer tracer = tracing.get("agentmetrics-test");
      for (int i = 0; i < 512; i++) {
        gpt4oChat(tracer)
            .setAttribute(
                "gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]")
            .setAttribute(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"content\":\"" + prompt + i + "\"}]")
            .startSpan()
            .end(T0.plusMillis(800));
      }
      assertThat(tracing.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
      bodyBytes =
          TraceRequestMarshaler.create(copy.getFinishedSpanItems()).getBinarySerializedSize();
    }

    assertThat(bodyBytes).as("one batch's body").isGreaterThan(4 * 1024 * 1024);
    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "gen_ai_client_inference_duration_seconds_count",
                "gen_ai_request_model",
                "gpt-4o",
                "error_type",
                ""))
        .isEqualTo(512);
    assertThat(
            scrape.value("agentmetrics_otlp_items_total", "signal", "spans", "result", "recorded"))
        .isEqualTo(512);
  }

  @Test
  void theSdksOtlpJsonEncodingGzippedIsReadAsWell() throws Exception {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    List<SpanData> spans;
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(service("support-bot-py"))
            .addSpanProcessor(SimpleSpanProcessor.create(memory))
            .build()) {
      conversation(tracing.get("agentmetrics-test"));
      spans = memory.getFinishedSpanItems(); // before close, which empties the exporter
    }
    assertThat(spans).hasSize(5);
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      TraceRequestMarshaler.create(spans).writeJsonTo(gzip);
    }
    HttpResponse<String> response =
        server.send(
            server
                .request("/v1/traces")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{}");
    assertConversationRecorded(new Scrape(server.scrape()), 1);
  }

  @Test
  void metricsFromTheSdksExporterAreCountedOnceAcrossCumulativeExports() {
    OtlpHttpMetricExporter exporter =
        OtlpHttpMetricExporter.builder()
            .setEndpoint(server.uri("/v1/metrics").toString())
            .setCompression("gzip")
            .build();
    try (SdkMeterProvider meters =
        SdkMeterProvider.builder()
            .setResource(service("summarizer-node"))
            .registerMetricReader(
                PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
            .build()) {
      DoubleHistogram duration =
          meters
              .get("agentmetrics-test")
              .histogramBuilder("gen_ai.client.operation.duration")
              .setUnit("s")
              .build();
      LongHistogram tokens =
          meters
              .get("agentmetrics-test")
              .histogramBuilder("gen_ai.client.token.usage")
              .ofLongs()
              .setUnit("{token}")
              .build();
      Attributes call =
          Attributes.builder()
              .put(OPERATION, "chat")
              .put(PROVIDER, "openai")
              .put(MODEL, "gpt-4o")
              .build();
      duration.record(0.8, call);
      tokens.record(500, call.toBuilder().put("gen_ai.token.type", "input").build());
      tokens.record(50, call.toBuilder().put("gen_ai.token.type", "output").build());
      assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      // A second call, then a second cumulative export: only the increment may count.
      duration.record(1.2, call);
      tokens.record(300, call.toBuilder().put("gen_ai.token.type", "input").build());
      CompletableResultCode second = meters.forceFlush().join(10, TimeUnit.SECONDS);
      assertThat(second.isSuccess()).isTrue();
    }

    // A service that sends no spans: its points are recorded once their wait for spans is over.
    String[] chat = {
      "gen_ai_operation_name", "chat", "gen_ai_provider_name", "openai",
      "gen_ai_request_model", "gpt-4o", "error_type", ""
    };
    server.awaitSample("gen_ai_client_inference_duration_seconds_count", chat);
    Scrape scrape = new Scrape(server.scrape());
    assertThat(scrape.value("gen_ai_client_inference_duration_seconds_count", chat)).isEqualTo(2);
    assertThat(scrape.value("gen_ai_client_inference_duration_seconds_sum", chat))
        .isCloseTo(2.0, within(1e-6));
    String[] tokens = {"gen_ai_request_model", "gpt-4o", "gen_ai_agent_name", "summarizer-node"};
    assertThat(scrape.value("gen_ai_client_inference_usage_input_tokens_total", tokens))
        .isEqualTo(800.0);
    assertThat(scrape.value("gen_ai_client_inference_usage_output_tokens_total", tokens))
        .isEqualTo(50.0);
    double cost = PriceTable.bundled().costUsd("openai", "gpt-4o", 800, 50, 0).orElseThrow();
    assertThat(scrape.value("agent_cost_usd_total", "gen_ai_agent_name", "summarizer-node"))
        .isCloseTo(cost, within(1e-12));
  }

  @Test
  void tokenMetricsGoThroughTheRecordersPricesTeamAndUnknownModelCount() {
    OtlpHttpMetricExporter exporter =
        OtlpHttpMetricExporter.builder().setEndpoint(server.uri("/v1/metrics").toString()).build();
    Resource resource =
        service("billing-agent")
            .merge(Resource.builder().put("agentmetrics.team", "payments").build());
    try (SdkMeterProvider meters =
        SdkMeterProvider.builder()
            .setResource(resource)
            .registerMetricReader(
                PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
            .build()) {
      var meter = meters.get("agentmetrics-test");
      LongCounter input =
          meter.counterBuilder("gen_ai.client.inference.usage.input_tokens").build();
      LongCounter cacheRead =
          meter.counterBuilder("gen_ai.client.inference.usage.cache_read.input_tokens").build();
      LongCounter output =
          meter.counterBuilder("gen_ai.client.inference.usage.output_tokens").build();
      LongHistogram usage =
          meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}").build();
      Attributes priced =
          Attributes.builder()
              .put(OPERATION, "chat")
              .put(PROVIDER, "openai")
              .put(MODEL, "gpt-4o")
              .build();
      input.add(1000, priced);
      cacheRead.add(400, priced);
      output.add(200, priced);
      assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      // A second cumulative export: only the increments count, cached ones priced with them.
      input.add(500, priced);
      cacheRead.add(100, priced);
      // A model with no price, from three calls of the token usage histogram; a team of its own.
      Attributes unknown =
          Attributes.builder()
              .put(OPERATION, "chat")
              .put(PROVIDER, "openai")
              .put(MODEL, "acme-llm-9")
              .put("agentmetrics.team", "research")
              .build();
      for (int call = 0; call < 3; call++) {
        usage.record(100, unknown.toBuilder().put("gen_ai.token.type", "input").build());
      }
      assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    String[] pricedTokens = {"gen_ai_request_model", "gpt-4o", "team", "payments"};
    server.awaitSample("gen_ai_client_inference_usage_input_tokens_total", pricedTokens);
    server.awaitSample(
        "agentmetrics_cost_unknown_model_total", "gen_ai_request_model", "acme-llm-9");
    Scrape scrape = new Scrape(server.scrape());
    assertThat(scrape.value("gen_ai_client_inference_usage_input_tokens_total", pricedTokens))
        .isEqualTo(1500.0);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_cache_read_input_tokens_total", pricedTokens))
        .isEqualTo(500.0);
    assertThat(scrape.value("gen_ai_client_inference_usage_output_tokens_total", pricedTokens))
        .isEqualTo(200.0);
    double cost = PriceTable.bundled().costUsd("openai", "gpt-4o", 1500, 200, 500).orElseThrow();
    double uncached = PriceTable.bundled().costUsd("openai", "gpt-4o", 1500, 200, 0).orElseThrow();
    assertThat(cost).as("the bundled cached price is lower").isLessThan(uncached);
    assertThat(
            scrape.value(
                "agent_cost_usd_total",
                "gen_ai_request_model",
                "gpt-4o",
                "gen_ai_agent_name",
                "billing-agent",
                "team",
                "payments"))
        .isCloseTo(cost, within(1e-12));
    assertThat(
            scrape.value(
                "agentmetrics_cost_unknown_model_total",
                "gen_ai_provider_name",
                "openai",
                "gen_ai_request_model",
                "acme-llm-9"))
        .isEqualTo(3.0);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_request_model",
                "acme-llm-9",
                "team",
                "research"))
        .isEqualTo(300.0);
  }
}
