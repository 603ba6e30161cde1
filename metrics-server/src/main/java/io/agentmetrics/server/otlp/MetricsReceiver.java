package io.agentmetrics.server.otlp;

import io.agentmetrics.api.Labels;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.core.GuardedMeters;
import io.agentmetrics.core.PriceTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the GenAI histograms of an OTLP metrics export onto the catalogue's meters: operation
 * duration, token usage (with cost from the price table), time to first chunk and per output chunk,
 * agent invocation and tool execution durations, under the current and the older conventions'
 * names. Delta points count as they are; cumulative ones through {@link CumulativeStreams}. A
 * histogram point's observations are re-recorded one by one at their bucket's midpoint (all at the
 * mean when the point has one bucket or one observation), so counts and token sums are exact and
 * durations as exact as the sender's buckets. Services whose calls come from spans ({@link
 * SpanSources}) are skipped.
 */
public final class MetricsReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsReceiver.class);

  /** The instruments understood, by OTLP metric name. */
  private enum Instrument {
    DURATION,
    TOKENS,
    FIRST_CHUNK,
    CHUNK_INTERVAL,
    AGENT_RUN,
    TOOL
  }

  /** OTLP metric names, current conventions and older ones, and what they are. */
  static final Map<String, Instrument> NAMES =
      Map.of(
          "gen_ai.client.operation.duration",
          Instrument.DURATION,
          MetricCatalogue.LLM_INFERENCE_DURATION.name(),
          Instrument.DURATION,
          "gen_ai.client.token.usage",
          Instrument.TOKENS,
          "gen_ai.client.operation.time_to_first_chunk",
          Instrument.FIRST_CHUNK,
          MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK.name(),
          Instrument.FIRST_CHUNK,
          "gen_ai.client.operation.time_per_output_chunk",
          Instrument.CHUNK_INTERVAL,
          MetricCatalogue.LLM_TIME_PER_OUTPUT_CHUNK.name(),
          Instrument.CHUNK_INTERVAL,
          MetricCatalogue.AGENT_RUN_DURATION.name(),
          Instrument.AGENT_RUN,
          MetricCatalogue.TOOL_DURATION.name(),
          Instrument.TOOL);

  private final OtlpCounters counters;
  private final SpanSources spanSources;
  private final CumulativeStreams streams;
  private final PendingPoints pending;
  private final AtomicBoolean warned = new AtomicBoolean();
  private final PriceTable prices;
  private final GuardedMeters.Family<Timer> durations;
  private final GuardedMeters.Family<Timer> firstChunks;
  private final GuardedMeters.Family<Timer> chunkIntervals;
  private final GuardedMeters.Family<Timer> runs;
  private final GuardedMeters.Family<Timer> tools;
  private final GuardedMeters.Family<Counter> inputTokens;
  private final GuardedMeters.Family<Counter> outputTokens;
  private final GuardedMeters.Family<DistributionSummary> callInputTokens;
  private final GuardedMeters.Family<DistributionSummary> callOutputTokens;
  private final GuardedMeters.Family<Counter> costs;

  MetricsReceiver(
      GuardedMeters meters,
      PriceTable prices,
      OtlpCounters counters,
      SpanSources spanSources,
      CumulativeStreams streams,
      PendingPoints pending) {
    this.counters = counters;
    this.spanSources = spanSources;
    this.streams = streams;
    this.pending = pending;
    this.prices = prices;
    this.durations = meters.timers(MetricCatalogue.LLM_INFERENCE_DURATION);
    this.firstChunks = meters.timers(MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK);
    this.chunkIntervals = meters.timers(MetricCatalogue.LLM_TIME_PER_OUTPUT_CHUNK);
    this.runs = meters.timers(MetricCatalogue.AGENT_RUN_DURATION);
    this.tools = meters.timers(MetricCatalogue.TOOL_DURATION);
    this.inputTokens = meters.counters(MetricCatalogue.LLM_INPUT_TOKENS);
    this.outputTokens = meters.counters(MetricCatalogue.LLM_OUTPUT_TOKENS);
    this.callInputTokens = meters.summaries(MetricCatalogue.LLM_CALL_INPUT_TOKENS);
    this.callOutputTokens = meters.summaries(MetricCatalogue.LLM_CALL_OUTPUT_TOKENS);
    this.costs = meters.counters(MetricCatalogue.COST);
  }

  /**
   * Reads the GenAI points of {@code request} and hands their recordings to {@link PendingPoints};
   * the result counts the refused, ignored and skipped ones (the held ones are counted when they
   * are recorded or skipped).
   */
  public OtlpResult receive(ExportMetricsServiceRequest request) {
    pending.flush();
    OtlpResult.Builder result = OtlpResult.builder("metric_points");
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      String service = ResourceIdentity.serviceName(resource.getResource());
      boolean fromSpans = spanSources.sendsSpans(service);
      List<Runnable> recordings = new ArrayList<>();
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          Instrument instrument = NAMES.get(metric.getName());
          int points = points(metric);
          if (instrument == null || !metric.hasHistogram()) {
            for (int i = 0; i < points; i++) {
              result.ignored();
            }
            continue;
          }
          boolean cumulative =
              metric.getHistogram().getAggregationTemporality()
                  == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
          for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
            if (fromSpans) {
              result.skipped();
              continue;
            }
            String problem = problem(point);
            if (problem != null) {
              result.refused("a point of '" + metric.getName() + "' " + problem);
              continue;
            }
            CumulativeStreams.Totals totals = totals(point);
            if (cumulative) {
              totals =
                  streams.increment(
                      stream(service, metric.getName(), point),
                      point.getStartTimeUnixNano(),
                      totals);
            }
            CumulativeStreams.Totals increment = totals;
            GenAiAttributes attributes = GenAiAttributes.of(point.getAttributesList());
            List<Double> bounds = point.getExplicitBoundsList();
            recordings.add(() -> record(instrument, attributes, service, increment, bounds));
          }
        }
      }
      pending.hold(service, recordings);
    }
    OtlpResult done = result.build();
    counters.count(done);
    return done;
  }

  /** Records or skips the points whose wait for spans is over; never throws (a timer runs it). */
  void flush() {
    try {
      pending.flush();
    } catch (RuntimeException e) {
      if (!warned.getAndSet(true)) {
        LOG.warn(
            "OTLP metric points could not be recorded and are lost (logged once); please report"
                + " this with the stack trace",
            e);
      }
    }
  }

  private void record(
      Instrument instrument,
      GenAiAttributes attributes,
      String service,
      CumulativeStreams.Totals totals,
      List<Double> bounds) {
    if (totals.isEmpty()) {
      return;
    }
    String operation = text(attributes, GenAiField.OPERATION, "chat");
    String provider = SpanMapper.provider(text(attributes, GenAiField.PROVIDER, "unknown"));
    String model = text(attributes, GenAiField.REQUEST_MODEL, null);
    if (model == null) {
      model = text(attributes, GenAiField.RESPONSE_MODEL, "unknown");
    }
    String error = text(attributes, GenAiField.ERROR_TYPE, Labels.NO_ERROR);
    String agent = text(attributes, GenAiField.AGENT_NAME, service);
    switch (instrument) {
      case DURATION -> seconds(durations.get(operation, provider, model, error), totals, bounds);
      case FIRST_CHUNK -> seconds(firstChunks.get(operation, provider, model), totals, bounds);
      case CHUNK_INTERVAL ->
          seconds(chunkIntervals.get(operation, provider, model), totals, bounds);
      case AGENT_RUN -> seconds(runs.get(agent, error), totals, bounds);
      case TOOL -> {
        String type = text(attributes, GenAiField.TOOL_TYPE, ToolKind.TOOL.label());
        seconds(
            tools.get(agent, text(attributes, GenAiField.TOOL_NAME, "unknown"), type, error),
            totals,
            bounds);
      }
      case TOKENS -> tokens(attributes, operation, provider, model, agent, totals, bounds);
    }
  }

  private void tokens(
      GenAiAttributes attributes,
      String operation,
      String provider,
      String model,
      String agent,
      CumulativeStreams.Totals totals,
      List<Double> bounds) {
    String type = text(attributes, GenAiField.TOKEN_TYPE, "");
    boolean input = type.equals("input");
    if (!input && !type.equals("output")) {
      return;
    }
    long tokens = Math.round(totals.sum());
    (input ? inputTokens : outputTokens)
        .get(operation, provider, model, Labels.UNKNOWN_MODALITY, agent, Labels.NO_TEAM)
        .increment(tokens);
    DistributionSummary perCall =
        (input ? callInputTokens : callOutputTokens).get(operation, provider, model);
    observations(totals, bounds, perCall::record);
    double cost =
        input
            ? prices.costUsd(provider, model, tokens, 0, 0).orElse(Double.NaN)
            : prices.costUsd(provider, model, 0, tokens, 0).orElse(Double.NaN);
    if (cost > 0) {
      costs.get(provider, model, agent, Labels.NO_TEAM).increment(cost);
    }
  }

  private static void seconds(Timer timer, CumulativeStreams.Totals totals, List<Double> bounds) {
    observations(
        totals, bounds, value -> timer.record(Math.round(value * 1e9), TimeUnit.NANOSECONDS));
  }

  /**
   * Re-records a point's observations: at the mean when there is one observation or one bucket,
   * else at each bucket's midpoint (the first bucket's upper bound, the last's lower bound), at
   * most {@link OtlpLimits#MAX_EXPANDED_OBSERVATIONS} of them.
   */
  static void observations(
      CumulativeStreams.Totals totals, List<Double> bounds, DoubleConsumer record) {
    long budget = OtlpLimits.MAX_EXPANDED_OBSERVATIONS;
    long[] buckets = totals.buckets();
    int used = 0;
    for (long count : buckets) {
      used += count > 0 ? 1 : 0;
    }
    if (totals.count() == 1 || used <= 1 || bounds.isEmpty()) {
      double mean = Math.max(0, totals.sum() / totals.count());
      for (long i = 0; i < Math.min(totals.count(), budget); i++) {
        record.accept(mean);
      }
      return;
    }
    for (int b = 0; b < buckets.length && budget > 0; b++) {
      double value;
      if (b == 0) {
        value = bounds.get(0);
      } else if (b >= bounds.size()) {
        value = bounds.get(bounds.size() - 1);
      } else {
        value = (bounds.get(b - 1) + bounds.get(b)) / 2;
      }
      value = Math.max(0, value);
      for (long i = 0; i < buckets[b] && budget > 0; i++, budget--) {
        record.accept(value);
      }
    }
  }

  /** What makes a point unusable, or null. */
  private static String problem(HistogramDataPoint point) {
    if (point.getCount() < 0) {
      return "has a negative count";
    }
    if (!Double.isFinite(point.getSum()) || point.getSum() < 0) {
      return "has a negative or not finite sum";
    }
    if (point.getBucketCountsCount() != 0
        && point.getBucketCountsCount() != point.getExplicitBoundsCount() + 1) {
      return "has "
          + point.getBucketCountsCount()
          + " buckets for "
          + point.getExplicitBoundsCount()
          + " bounds";
    }
    long inBuckets = 0;
    for (long count : point.getBucketCountsList()) {
      if (count < 0) {
        return "has a negative bucket count";
      }
      inBuckets += count;
    }
    if (point.getBucketCountsCount() != 0 && inBuckets != point.getCount()) {
      return "has bucket counts that do not add up to its count";
    }
    for (double bound : point.getExplicitBoundsList()) {
      if (!Double.isFinite(bound)) {
        return "has a bound that is not finite";
      }
    }
    return null;
  }

  private static CumulativeStreams.Totals totals(HistogramDataPoint point) {
    long[] buckets = new long[point.getBucketCountsCount()];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = point.getBucketCounts(i);
    }
    return new CumulativeStreams.Totals(point.getCount(), point.getSum(), buckets);
  }

  private static String stream(String service, String metric, HistogramDataPoint point) {
    List<KeyValue> attributes = new ArrayList<>(point.getAttributesList());
    attributes.sort(Comparator.comparing(KeyValue::getKey));
    StringBuilder key = new StringBuilder(service).append('\u0000').append(metric);
    for (KeyValue attribute : attributes) {
      key.append('\u0000').append(attribute.getKey()).append('=');
      key.append(AttributeValues.text(attribute.getValue()));
    }
    return key.toString();
  }

  private static String text(GenAiAttributes attributes, GenAiField field, String absent) {
    String value = attributes.text(field);
    return value == null || value.isBlank() ? absent : value;
  }

  private static int points(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      default -> 0;
    };
  }
}
