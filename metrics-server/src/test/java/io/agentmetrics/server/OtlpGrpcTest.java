package io.agentmetrics.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.server.http.HttpAuth;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OTLP/gRPC: the OpenTelemetry Java SDK's gRPC exporters recorded exactly as over HTTP; the ingest
 * credentials, the message limit, undecodable messages and slow streams answered with the status
 * codes the OTLP specification names, each in {@code http_server_requests} beside OTLP/HTTP; and
 * the server still serving after each.
 */
class OtlpGrpcTest {

  private static final String TRACES =
      "/" + TraceServiceGrpc.SERVICE_NAME + "/Export"; // the uri label of the trace service

  private TestServer server;
  private ManagedChannel channel;

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    server.close();
  }

  private TestServer start(UnaryOperator<MetricsServer.Builder> options) {
    server = new TestServer(b -> options.apply(b.grpcPort(0)));
    return server;
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.server.grpcPort();
  }

  private static void exportConversation(OtlpGrpcSpanExporterBuilder exporter, boolean succeeds) {
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(OtlpJavaSdkTest.service("support-bot-py"))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
            .build()) {
      OtlpJavaSdkTest.conversation(tracing.get("agentmetrics-test"));
      boolean flushed = tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess();
      if (succeeds) {
        // (A batch processor's flush reports its own end, not the export's: a refusal is read
        // from the server's side.)
        assertThat(flushed).isTrue();
      }
    }
  }

  private double requests(String status) {
    return new Scrape(server.scrape())
        .value(
            "http_server_requests_seconds_count",
            "method",
            "POST",
            "uri",
            TRACES,
            "status",
            status);
  }

  @Test
  void spansFromTheJavaSdksGrpcExporterAreRecordedAsOverHttp() {
    start(b -> b);
    exportConversation(
        OtlpGrpcSpanExporter.builder().setEndpoint(endpoint()).setCompression("gzip"), true);
    OtlpJavaSdkTest.assertConversationRecorded(new Scrape(server.scrape()), 1);
    assertThat(requests("200")).isEqualTo(1);
  }

  @Test
  void anEvaluationEventFromTheJavaSdksGrpcLogExporterIsRecorded() {
    start(b -> b);
    try (SdkLoggerProvider logs =
        SdkLoggerProvider.builder()
            .setResource(OtlpJavaSdkTest.service("support-bot"))
            .addLogRecordProcessor(
                SimpleLogRecordProcessor.create(
                    OtlpGrpcLogRecordExporter.builder().setEndpoint(endpoint()).build()))
            .build()) {
      Logger logger = logs.get("agentmetrics-test");
      logger
          .logRecordBuilder()
          .setEventName("gen_ai.evaluation.result")
          .setAttribute(AttributeKey.stringKey("gen_ai.evaluation.name"), "relevance")
          .setAttribute(AttributeKey.doubleKey("gen_ai.evaluation.score.value"), 0.75)
          .setAttribute(AttributeKey.stringKey("gen_ai.evaluation.score.label"), "relevant")
          .emit();
      assertThat(logs.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
    assertThat(
            new Scrape(server.scrape())
                .value(
                    "agent_evaluation_score_sum",
                    "gen_ai_agent_name",
                    "support-bot",
                    "gen_ai_evaluation_name",
                    "relevance"))
        .isCloseTo(0.75, within(1e-9));
  }

  @Test
  void theIngestCredentialsAreRequiredAsOverHttp() {
    start(b -> b.ingestAuth(HttpAuth.bearer("s3cret")));
    exportConversation(OtlpGrpcSpanExporter.builder().setEndpoint(endpoint()), false);
    assertThat(requests("401")).isEqualTo(1);
    assertThat(new Scrape(server.scrape()).find("gen_ai_invoke_agent_duration_seconds_count"))
        .isEmpty();

    exportConversation(
        OtlpGrpcSpanExporter.builder()
            .setEndpoint(endpoint())
            .addHeader("Authorization", "Bearer s3cret"),
        true);
    OtlpJavaSdkTest.assertConversationRecorded(new Scrape(server.scrape()), 1);
  }

  /** A unary call of the trace service with a raw message, as any gRPC client makes it. */
  private StatusRuntimeException exportRaw(byte[] message) {
    if (channel == null) {
      channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.server.grpcPort())
              .usePlaintext()
              .build();
    }
    try {
      byte[] answer =
          ClientCalls.blockingUnaryCall(
              channel,
              RAW_EXPORT,
              CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
              message);
      assertThat(ExportTraceServiceResponse.parseFrom(answer).hasPartialSuccess()).isFalse();
      return null;
    } catch (StatusRuntimeException e) {
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private static final MethodDescriptor<byte[], byte[]> RAW_EXPORT =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(TRACES.substring(1))
          .setRequestMarshaller(BYTES)
          .setResponseMarshaller(BYTES)
          .build();

  /** One chat span of gpt-4o with a captured prompt of {@code promptBytes}. */
  private static byte[] chatSpan(int promptBytes) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                        .addAttributes(OtlpVariantsTest.attribute("service.name", "support-bot")))
                .addScopeSpans(
                    ScopeSpans.newBuilder()
                        .addSpans(
                            Span.newBuilder()
                                .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[16]))
                                .setSpanId(com.google.protobuf.ByteString.copyFrom(new byte[8]))
                                .setName("chat gpt-4o")
                                .setStartTimeUnixNano(1_000_000_000L)
                                .setEndTimeUnixNano(1_500_000_000L)
                                .addAttributes(
                                    OtlpVariantsTest.attribute("gen_ai.operation.name", "chat"))
                                .addAttributes(
                                    OtlpVariantsTest.attribute("gen_ai.provider.name", "openai"))
                                .addAttributes(
                                    OtlpVariantsTest.attribute("gen_ai.request.model", "gpt-4o"))
                                .addAttributes(
                                    OtlpVariantsTest.attribute(
                                        "gen_ai.input.messages", "x".repeat(promptBytes))))))
        .build()
        .toByteArray();
  }

  private double chatCalls() {
    return new Scrape(server.scrape())
        .value("gen_ai_client_inference_duration_seconds_count", "gen_ai_request_model", "gpt-4o");
  }

  @Test
  void aMessageOverTheLimitIsResourceExhaustedAndTheServerServesOn() {
    start(b -> b.maxBodyBytes(64 * 1024));
    StatusRuntimeException tooLarge = exportRaw(chatSpan(100 * 1024));
    assertThat(tooLarge).isNotNull();
    assertThat(tooLarge.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

    assertThat(exportRaw(chatSpan(10))).isNull();
    assertThat(chatCalls()).isEqualTo(1);
    assertThat(requests("413")).isEqualTo(1);
    assertThat(requests("200")).isEqualTo(1);
  }

  @Test
  void aMessageThatIsNoExportRequestIsInvalidArgumentWithTheReason() {
    start(b -> b);
    StatusRuntimeException invalid = exportRaw(new byte[] {0x0a, 0x7f, 0x01});
    assertThat(invalid).isNotNull();
    assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(invalid.getStatus().getDescription())
        .startsWith("the message is not an OTLP export request: ")
        .doesNotContain("Exception");

    assertThat(exportRaw(chatSpan(10))).isNull();
    assertThat(chatCalls()).isEqualTo(1);
    assertThat(requests("400")).isEqualTo(1);
  }

  /** A gRPC message frame: compression flag 0, the length {@code declared}, then {@code bytes}. */
  private static byte[] grpcFrame(int declared, byte[] bytes) {
    return java.nio.ByteBuffer.allocate(5 + bytes.length)
        .put((byte) 0)
        .putInt(declared)
        .put(bytes)
        .array();
  }

  @Test
  void aMessageCutShortIsAnErrorOfItsCallOnlyAndTheServerServesOn() throws Exception {
    start(b -> b);
    byte[] span = chatSpan(10);
    Map<String, String> truncated =
        RawHttp2Call.call(
            server.server.grpcPort(),
            TRACES,
            "application/grpc",
            grpcFrame(span.length, java.util.Arrays.copyOf(span, span.length / 2)));
    // grpc-java's own answer to a stream that ends inside a message: INTERNAL (13), which OTLP
    // exporters do not retry.
    assertThat(truncated).containsEntry("grpc-status", "13");
    assertThat(truncated.get("grpc-message")).contains("mid-frame");

    Map<String, String> whole =
        RawHttp2Call.call(
            server.server.grpcPort(), TRACES, "application/grpc", grpcFrame(span.length, span));
    assertThat(whole).containsEntry("grpc-status", "0");
    assertThat(chatCalls()).isEqualTo(1);
  }

  @Test
  void aCallThatIsNotGrpcIsRefusedWith415() throws Exception {
    start(b -> b);
    Map<String, String> json =
        RawHttp2Call.call(
            server.server.grpcPort(), TRACES, "application/json", "{}".getBytes(UTF_8));
    assertThat(json).containsEntry(":status", "415");
    assertThat(exportRaw(chatSpan(10))).isNull();
    assertThat(chatCalls()).isEqualTo(1);
  }

  @Test
  void aCallWhoseMessageDoesNotArriveInTimeIsDeadlineExceededAndGivesItsBudgetBack()
      throws Exception {
    // Room for one message only: the slow call holds it until it is closed.
    start(b -> b.bodyTimeout(Duration.ofSeconds(2)).maxBufferedBodyBytes(1));
    // A first call connects the channel.
    assertThat(exportRaw(chatSpan(10))).isNull();
    // The slow call starts and never sends its message; exports follow until one finds the room
    // held. The server admits calls on its workers, so with room for one message an export sent
    // meanwhile may take it first (the slow call is then refused, UNAVAILABLE, and another one
    // started), or find it not yet given back by the export before it.
    int before = 0;
    int exportsRefused = 0;
    int slowRefused = 0;
    Status status;
    do {
      java.util.concurrent.CompletableFuture<Status> closed = startSlowCall();
      while (!closed.isDone()) {
        StatusRuntimeException refused = exportRaw(chatSpan(10));
        if (refused != null) {
          assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
          exportsRefused++;
          break;
        }
        assertThat(++before).as("calls admitted beside slow ones").isLessThan(1000);
      }
      status = closed.get(10, TimeUnit.SECONDS);
      if (status.getCode() == Status.Code.UNAVAILABLE) {
        slowRefused++;
      }
    } while (status.getCode() == Status.Code.UNAVAILABLE);

    assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(status.getDescription()).contains("did not arrive whole within 2000 ms");
    // Its room given back, the next export is taken (a refusal may still race the release).
    while (exportRaw(chatSpan(10)) != null) {
      assertThat(++exportsRefused).as("exports refused after the slow call").isLessThan(100);
    }
    assertThat(chatCalls()).isEqualTo(before + 2);
    assertThat(requests("408")).isEqualTo(1);
    assertThat(exportsRefused).as("exports refused while the slow call held the room").isPositive();
    assertThat(requests("503")).isEqualTo(exportsRefused + slowRefused);
  }

  /**
   * Starts a call that never sends its message; completes with its status. Client-streaming on the
   * client side, so that grpc-java sends its headers at once (a unary call's wait for the message).
   */
  private java.util.concurrent.CompletableFuture<Status> startSlowCall() {
    ClientCall<byte[], byte[]> slow =
        channel.newCall(
            RAW_EXPORT.toBuilder().setType(MethodDescriptor.MethodType.CLIENT_STREAMING).build(),
            CallOptions.DEFAULT);
    java.util.concurrent.CompletableFuture<Status> closed =
        new java.util.concurrent.CompletableFuture<>();
    slow.start(
        new ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.complete(status);
          }
        },
        new Metadata());
    slow.request(1);
    return closed;
  }
}
