package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code agent.in_flight} over OTLP: an UpDownCounter of the OpenTelemetry Java SDK (exported
 * cumulative, its default) is the in-flight report of the process that sends it, as the JSON {@code
 * in_flight} event is: the newest value of each source counts, with its report timestamp for the
 * replica rules. Points that cannot be an absolute number are refused with their reason.
 */
class OtlpInFlightTest {

  private static final AttributeKey<String> WORK = AttributeKey.stringKey("work");
  private static final AttributeKey<String> AGENT = AttributeKey.stringKey("gen_ai.agent.name");

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private double inFlight(String source, String work) {
    return new Scrape(server.scrape())
        .value(
            "agent_in_flight", "source", source, "gen_ai_agent_name", "support-bot", "work", work);
  }

  @Test
  void anUpDownCounterOfTheJavaSdkIsTheInFlightReportOfItsProcess() {
    Resource resource =
        OtlpJavaSdkTest.service("support-bot-svc")
            .merge(Resource.builder().put("service.instance.id", "pod-7f9c").build());
    try (SdkMeterProvider meters =
        SdkMeterProvider.builder()
            .setResource(resource)
            .registerMetricReader(
                PeriodicMetricReader.builder(
                        OtlpHttpMetricExporter.builder()
                            .setEndpoint(server.uri("/v1/metrics").toString())
                            .build())
                    .setInterval(Duration.ofHours(1))
                    .build())
            .build()) {
      LongUpDownCounter inFlight =
          meters.get("agentmetrics-test").upDownCounterBuilder("agent.in_flight").build();
      Attributes runs = Attributes.of(WORK, "runs", AGENT, "support-bot");
      Attributes sessions = Attributes.of(WORK, "sessions", AGENT, "support-bot");
      inFlight.add(3, runs);
      inFlight.add(5, sessions);
      assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(inFlight("pod-7f9c", "runs")).isEqualTo(3);
      assertThat(inFlight("pod-7f9c", "sessions")).isEqualTo(5);

      // Two runs end, one starts: the next cumulative export is the new absolute number.
      inFlight.add(-2, runs);
      inFlight.add(1, runs);
      assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(inFlight("pod-7f9c", "runs")).isEqualTo(2);
      assertThat(inFlight("pod-7f9c", "sessions")).isEqualTo(5);
    }
    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "agent_in_flight_report_timestamp_seconds", "source", "pod-7f9c", "work", "runs"))
        .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
    assertThat(
            scrape.value(
                "agentmetrics_otlp_items_total", "signal", "metric_points", "result", "recorded"))
        .as("two points in each of three exports: the two flushes and the one on close")
        .isEqualTo(6);
  }

  private static NumberDataPoint point(String work, double value) {
    NumberDataPoint.Builder point = NumberDataPoint.newBuilder().setAsDouble(value);
    if (work != null) {
      point.addAttributes(OtlpVariantsTest.attribute("work", work));
    }
    return point
        .addAttributes(OtlpVariantsTest.attribute("gen_ai.agent.name", "support-bot"))
        .build();
  }

  private static Metric sum(
      boolean monotonic, AggregationTemporality temporality, NumberDataPoint... points) {
    return Metric.newBuilder()
        .setName("agent.in_flight")
        .setSum(
            Sum.newBuilder()
                .setIsMonotonic(monotonic)
                .setAggregationTemporality(temporality)
                .addAllDataPoints(java.util.List.of(points)))
        .build();
  }

  @Test
  void pointsThatAreNoAbsoluteNumberAreRefusedWithTheirReasonAndTheOthersKept() throws Exception {
    AggregationTemporality cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setResource(
                        io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                            .addAttributes(OtlpVariantsTest.attribute("service.name", "bot"))
                            .addAttributes(OtlpVariantsTest.attribute("host.name", "node-1"))
                            .addAttributes(OtlpVariantsTest.attribute("process.pid", 4242L)))
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(sum(false, cumulative, point("tasks", 4), point(null, 1)))
                            .addMetrics(
                                sum(
                                    false,
                                    AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
                                    point("runs", 1)))
                            .addMetrics(sum(true, cumulative, point("runs", 1)))
                            .addMetrics(sum(false, cumulative, point("runs", -1)))
                            .addMetrics(sum(false, cumulative, point("naps", 1)))
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("agent.in_flight")
                                    .setGauge(
                                        Gauge.newBuilder().addDataPoints(point("approvals", 2))))))
            .build();
    HttpResponse<byte[]> response =
        server.sendForBytes(
            server
                .request("/v1/metrics")
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())));
    assertThat(response.statusCode()).isEqualTo(200);
    ExportMetricsServiceResponse answer = ExportMetricsServiceResponse.parseFrom(response.body());

    assertThat(answer.getPartialSuccess().getRejectedDataPoints()).isEqualTo(5);
    assertThat(answer.getPartialSuccess().getErrorMessage())
        .contains(
            "has no 'work' attribute of [runs, tasks, approvals, sessions, permissions]",
            "is a delta or monotonic sum",
            "is not a whole number of at least 0: -1.0");
    // The source of a resource without service.instance.id: host and process.
    assertThat(inFlight("node-1:4242", "tasks")).isEqualTo(4);
    assertThat(inFlight("node-1:4242", "approvals")).isEqualTo(2);
    assertThat(new Scrape(server.scrape()).find("agent_in_flight", "work", "runs")).isEmpty();
  }
}
