package io.agentmetrics.server.otlp;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The OTLP receiver: GenAI spans, metric points and events (log records) into catalogue events,
 * answered with the export responses the OTLP specification prescribes ({@code partial_success}
 * with the refused count and their reasons when some were refused, empty otherwise). Spans and
 * metrics of one service are never both counted: see {@link SpanSources}.
 */
public final class OtlpReceiver {

  private final TraceReceiver traces;
  private final MetricsReceiver metrics;
  private final LogsReceiver logs;

  /**
   * A receiver recording spans and metric points through {@code recorder} (its guards, series caps
   * and prices), timed by its ticker; {@code timer} records the metric points whose wait for spans
   * is over, every second.
   */
  public OtlpReceiver(MicrometerAgentMetrics recorder, ScheduledExecutorService timer) {
    LongSupplier nanoTime = () -> recorder.ticker().nanos();
    OtlpCounters counters = new OtlpCounters(recorder.guardedMeters());
    SpanSources sources = new SpanSources(nanoTime);
    this.traces = new TraceReceiver(recorder, counters, sources);
    this.logs = new LogsReceiver(recorder, counters);
    this.metrics =
        new MetricsReceiver(
            recorder,
            counters,
            sources,
            new CumulativeStreams(nanoTime, System.currentTimeMillis() * 1_000_000L),
            new PendingPoints(sources, counters, nanoTime, OtlpLimits.SPAN_GRACE_NANOS));
    timer.scheduleWithFixedDelay(metrics::flush, 1, 1, TimeUnit.SECONDS);
  }

  /** Records {@code request}'s GenAI spans. */
  public ExportTraceServiceResponse traces(ExportTraceServiceRequest request) {
    OtlpResult result = traces.receive(request);
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (result.refused() > 0) {
      response.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(result.refused())
              .setErrorMessage(result.message()));
    }
    return response.build();
  }

  /** Records {@code request}'s GenAI events (evaluation results). */
  public ExportLogsServiceResponse logs(ExportLogsServiceRequest request) {
    OtlpResult result = logs.receive(request);
    ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
    if (result.refused() > 0) {
      response.setPartialSuccess(
          ExportLogsPartialSuccess.newBuilder()
              .setRejectedLogRecords(result.refused())
              .setErrorMessage(result.message()));
    }
    return response.build();
  }

  /** Records {@code request}'s GenAI metric points. */
  public ExportMetricsServiceResponse metrics(ExportMetricsServiceRequest request) {
    OtlpResult result = metrics.receive(request);
    ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
    if (result.refused() > 0) {
      response.setPartialSuccess(
          ExportMetricsPartialSuccess.newBuilder()
              .setRejectedDataPoints(result.refused())
              .setErrorMessage(result.message()));
    }
    return response.build();
  }
}
