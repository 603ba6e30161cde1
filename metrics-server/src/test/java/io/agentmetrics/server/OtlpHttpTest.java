package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedInputStream;
import io.agentmetrics.server.http.HttpAuth;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OTLP/HTTP's answers to bad requests, against the real server: 400 with a {@code
 * google.rpc.Status} for what cannot be decoded, 413 for bodies and gzip bombs over the limit, 415
 * for other encodings, 401 without the ingest credentials; never a 5xx, and the valid items of a
 * request kept.
 */
class OtlpHttpTest {

  private static final int MAX_BODY = 64 * 1024;
  private final TestServer server = new TestServer(b -> b.maxBodyBytes(MAX_BODY));
  private final OtlpVariantsTest spans = new OtlpVariantsTest();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> post(String path, String type, String encoding, byte[] body) {
    HttpRequest.Builder request =
        server
            .request(path)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return server.sendForBytes(request);
  }

  private ExportTraceServiceRequest oneChat() {
    return OtlpVariantsTest.request(
        "support-bot", spans.gpt4oChat("chat", 100, "gen_ai.usage.input_tokens", 10L));
  }

  /** The code and message of a {@code google.rpc.Status} in protobuf. */
  private static String[] status(byte[] body) throws Exception {
    CodedInputStream in = CodedInputStream.newInstance(body);
    String code = "";
    String message = "";
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (tag >>> 3) {
        case 1 -> code = Integer.toString(in.readInt32());
        case 2 -> message = in.readString();
        default -> in.skipField(tag);
      }
    }
    return new String[] {code, message};
  }

  private static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void undecodableBodiesAre400WithAStatusInTheRequestsEncoding() throws Exception {
    byte[] valid = oneChat().toByteArray();
    byte[][] broken = {
      Arrays.copyOf(valid, valid.length - 7), // truncated
      "{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8), // JSON sent as protobuf
      {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x0f}, // bad length
    };
    for (byte[] body : broken) {
      HttpResponse<byte[]> response = post("/v1/traces", "application/x-protobuf", null, body);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
      String[] status = status(response.body());
      assertThat(status[0]).isEqualTo("3");
      assertThat(status[1])
          .startsWith("the body is not an OTLP export request")
          .doesNotContain("\tat ", "Exception", "com.google");
    }
    String[] json = {
      "{\"resourceSpans\":\"not a list\"}", // wrong field type
      "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"soon\"}]}]}]}",
      "[1,2", // not JSON
    };
    for (String body : json) {
      HttpResponse<byte[]> response =
          post("/v1/traces", "application/json", null, body.getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      JsonNode status = IngestEventsTest.json(new String(response.body(), StandardCharsets.UTF_8));
      assertThat(status.path("code").asInt()).isEqualTo(3);
      assertThat(status.path("message").asText())
          .as(body)
          .isNotBlank()
          .doesNotContain("com.google", "Exception", "\tat ");
    }
    HttpResponse<byte[]> notGzip = post("/v1/traces", "application/x-protobuf", "gzip", valid);
    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(status(notGzip.body())[1]).contains("not valid gzip");
  }

  @Test
  void unknownEnumValuesAndTenThousandAttributesAreRead() throws Exception {
    Span.Builder span =
        oneChat().getResourceSpans(0).getScopeSpans(0).getSpans(0).toBuilder().setKindValue(42);
    for (int i = 0; i < 10_000; i++) {
      span.addAttributes(OtlpVariantsTest.attribute("noise." + i, "x"));
    }
    ExportTraceServiceRequest request = OtlpVariantsTest.request("support-bot", span.build());
    // The limit applies to the inflated body: this one is over this test's limit, within the
    // default.
    assertThat(request.getSerializedSize()).isBetween(MAX_BODY, 1 << 20);
    try (TestServer roomy = new TestServer()) {
      HttpResponse<byte[]> response =
          roomy.sendForBytes(
              roomy
                  .request("/v1/traces")
                  .header("Content-Type", "application/x-protobuf")
                  .header("Content-Encoding", "gzip")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(request.toByteArray()))));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(ExportTraceServiceResponse.parseFrom(response.body()).hasPartialSuccess())
          .isFalse();
      assertThat(
              new Scrape(roomy.scrape())
                  .value(
                      "gen_ai_client_inference_usage_input_tokens_total",
                      "gen_ai_request_model",
                      "gpt-4o"))
          .isEqualTo(10);
    }
  }

  @Test
  void bodiesAndGzipBombsOverTheLimitAre413AndOtherEncodings415() throws Exception {
    byte[] bomb = gzip(new byte[MAX_BODY * 64]); // 4 MiB of zeros in a few KiB
    assertThat(bomb.length).isLessThan(MAX_BODY);
    HttpResponse<byte[]> inflated = post("/v1/traces", "application/x-protobuf", "gzip", bomb);
    assertThat(inflated.statusCode()).isEqualTo(413);
    assertThat(new String(inflated.body(), StandardCharsets.UTF_8))
        .contains("\"error\":\"payload_too_large\"", "inflates to more than the limit");

    HttpResponse<byte[]> big =
        post("/v1/metrics", "application/x-protobuf", null, new byte[MAX_BODY + 1]);
    assertThat(big.statusCode()).isEqualTo(413);

    byte[] valid = oneChat().toByteArray();
    assertThat(post("/v1/traces", "text/plain", null, valid).statusCode()).isEqualTo(415);
    assertThat(post("/v1/traces", "application/x-protobuf", "br", valid).statusCode())
        .isEqualTo(415);
  }

  @Test
  void theIngestCredentialsAreRequired() {
    try (TestServer guarded = new TestServer(b -> b.ingestAuth(HttpAuth.bearer("otlp-token-1")))) {
      byte[] valid = oneChat().toByteArray();
      HttpRequest.Builder request =
          guarded
              .request("/v1/traces")
              .header("Content-Type", "application/x-protobuf")
              .POST(HttpRequest.BodyPublishers.ofByteArray(valid));
      assertThat(guarded.sendForBytes(request).statusCode()).isEqualTo(401);
      assertThat(
              guarded
                  .sendForBytes(request.header("Authorization", "Bearer otlp-token-1"))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void invalidMetricPointsAreRefusedAndTheValidOnesKept() throws Exception {
    HistogramDataPoint.Builder good =
        HistogramDataPoint.newBuilder()
            .setStartTimeUnixNano(1)
            .setTimeUnixNano(2)
            .setCount(2)
            .setSum(3.0)
            .addAllExplicitBounds(java.util.List.of(1.0, 2.0))
            .addAllBucketCounts(java.util.List.of(0L, 2L, 0L))
            .addAttributes(OtlpVariantsTest.attribute("gen_ai.operation.name", "chat"))
            .addAttributes(OtlpVariantsTest.attribute("gen_ai.provider.name", "openai"))
            .addAttributes(OtlpVariantsTest.attribute("gen_ai.request.model", "gpt-4o"));
    HistogramDataPoint wrongBuckets = good.clone().clearBucketCounts().addBucketCounts(2).build();
    HistogramDataPoint negativeSum = good.clone().setSum(-1).build();
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("gen_ai.client.operation.duration")
                                    .setHistogram(
                                        Histogram.newBuilder()
                                            .setAggregationTemporality(
                                                AggregationTemporality
                                                    .AGGREGATION_TEMPORALITY_DELTA)
                                            .addDataPoints(good)
                                            .addDataPoints(wrongBuckets)
                                            .addDataPoints(negativeSum)))
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("gen_ai.client.inference.usage.input_tokens")
                                    .setSum(
                                        Sum.newBuilder()
                                            .setIsMonotonic(true)
                                            .setAggregationTemporality(
                                                AggregationTemporality
                                                    .AGGREGATION_TEMPORALITY_DELTA)
                                            .addDataPoints(tokens(good).setAsInt(100))
                                            .addDataPoints(tokens(good).setAsDouble(-5))
                                            .addDataPoints(tokens(good).setAsDouble(Double.NaN))))
                            .addMetrics(
                                // OpenLIT's client-side time to first token, under the model
                                // server's metric name.
                                Metric.newBuilder()
                                    .setName("gen_ai.server.time_to_first_token")
                                    .setHistogram(
                                        Histogram.newBuilder()
                                            .setAggregationTemporality(
                                                AggregationTemporality
                                                    .AGGREGATION_TEMPORALITY_DELTA)
                                            .addDataPoints(good.clone().setSum(0.5))))
                            .addMetrics(
                                // A token usage point of type "total": the sum of input and
                                // output, never counted as either.
                                Metric.newBuilder()
                                    .setName("gen_ai.client.token.usage")
                                    .setHistogram(
                                        Histogram.newBuilder()
                                            .setAggregationTemporality(
                                                AggregationTemporality
                                                    .AGGREGATION_TEMPORALITY_DELTA)
                                            .addDataPoints(
                                                good.clone()
                                                    .setSum(700)
                                                    .addAttributes(
                                                        OtlpVariantsTest.attribute(
                                                            "gen_ai.token.type", "total")))))
                            .addMetrics(Metric.newBuilder().setName("http.server.duration"))))
            .build();
    HttpResponse<byte[]> response =
        post("/v1/metrics", "application/x-protobuf", null, request.toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    ExportMetricsServiceResponse answer = ExportMetricsServiceResponse.parseFrom(response.body());
    assertThat(answer.getPartialSuccess().getRejectedDataPoints()).isEqualTo(4);
    assertThat(answer.getPartialSuccess().getErrorMessage())
        .contains(
            "buckets for 2 bounds",
            "negative or not finite sum",
            "'gen_ai.client.inference.usage.input_tokens' has a negative or not finite value");
    String[] chat = {"gen_ai_request_model", "gpt-4o", "error_type", ""};
    // The valid points are recorded once their wait for spans of the same service is over, one by
    // one: wait until the last of them is there.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () -> {
              Scrape recorded = new Scrape(server.scrape());
              return recorded.find("gen_ai_client_inference_duration_seconds_count", chat).size()
                      == 1
                  && recorded
                          .find(
                              "gen_ai_client_inference_time_to_first_chunk_seconds_count",
                              "gen_ai_request_model",
                              "gpt-4o")
                          .stream()
                          .mapToDouble(Scrape.Sample::value)
                          .sum()
                      >= 2
                  && recorded
                          .find(
                              "gen_ai_client_inference_usage_input_tokens_total",
                              "gen_ai_request_model",
                              "gpt-4o")
                          .size()
                      == 1;
            });
    Scrape scrape = new Scrape(server.scrape());
    assertThat(scrape.value("gen_ai_client_inference_duration_seconds_count", chat)).isEqualTo(2);
    assertThat(scrape.value("gen_ai_client_inference_duration_seconds_sum", chat)).isEqualTo(3.0);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_request_model",
                "gpt-4o"))
        .as("the valid token count of the same export is kept, the total type not added")
        .isEqualTo(100.0);
    assertThat(scrape.find("gen_ai_client_inference_usage_output_tokens_total")).isEmpty();
    assertThat(
            scrape.value(
                "gen_ai_client_inference_time_to_first_chunk_seconds_count",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(2);
    assertThat(
            scrape.value(
                "gen_ai_client_inference_time_to_first_chunk_seconds_sum",
                "gen_ai_request_model",
                "gpt-4o"))
        .isEqualTo(0.5);
  }

  /** A token counter point with the histogram point's attributes. */
  private static NumberDataPoint.Builder tokens(HistogramDataPoint.Builder like) {
    return NumberDataPoint.newBuilder()
        .setStartTimeUnixNano(1)
        .setTimeUnixNano(2)
        .addAllAttributes(like.getAttributesList());
  }
}
