package io.agentmetrics.server.otlp;

import io.agentmetrics.api.InFlightWork;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.core.GuardedMeters;
import io.agentmetrics.core.LlmSeries;
import io.agentmetrics.core.MetricHandles;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
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
 * Records the GenAI metrics of an OTLP metrics export through the recorder: operation duration,
 * time to first chunk and per output chunk, agent invocation and tool execution durations
 * (histograms, under the current and the older conventions' names), and tokens, from {@code
 * gen_ai.client.token.usage} histograms and the per-kind token counters (monotonic sums, cache
 * reads and writes and reasoning included). Tokens go through the recorder's own token path ({@link
 * TokenSums}): the same counters, prices, guards, team and unknown-model count as every other way
 * in. Delta points count as they are; cumulative ones through {@link CumulativeStreams}. A
 * histogram point's observations are re-recorded one by one at their bucket's midpoint (all at the
 * mean when the point has one bucket or one observation), so counts and token sums are exact and
 * durations as exact as the sender's buckets. Services whose calls come from spans ({@link
 * SpanSources}) are skipped. {@code agent.in_flight} UpDownCounters and gauges are in-flight
 * reports of their process, recorded at once.
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
    TOOL,
    IN_FLIGHT,
    INPUT_TOKENS,
    OUTPUT_TOKENS,
    CACHE_READ_TOKENS,
    CACHE_WRITE_TOKENS,
    REASONING_TOKENS;

    /** Whether the instrument is a token counter (a monotonic sum), not a histogram. */
    boolean isCounter() {
      return ordinal() >= INPUT_TOKENS.ordinal();
    }
  }

  /** OTLP metric names, current conventions and older ones, and what they are. */
  static final Map<String, Instrument> NAMES =
      Map.ofEntries(
          Map.entry("gen_ai.client.operation.duration", Instrument.DURATION),
          Map.entry(MetricCatalogue.LLM_INFERENCE_DURATION.name(), Instrument.DURATION),
          Map.entry("gen_ai.client.token.usage", Instrument.TOKENS),
          Map.entry("gen_ai.client.operation.time_to_first_chunk", Instrument.FIRST_CHUNK),
          Map.entry(MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK.name(), Instrument.FIRST_CHUNK),
          Map.entry("gen_ai.client.operation.time_per_output_chunk", Instrument.CHUNK_INTERVAL),
          // OpenLIT, a client SDK, records its client-side timing under the model server's names.
          Map.entry("gen_ai.server.time_to_first_token", Instrument.FIRST_CHUNK),
          Map.entry("gen_ai.server.time_per_output_token", Instrument.CHUNK_INTERVAL),
          Map.entry(MetricCatalogue.LLM_TIME_PER_OUTPUT_CHUNK.name(), Instrument.CHUNK_INTERVAL),
          Map.entry(MetricCatalogue.AGENT_RUN_DURATION.name(), Instrument.AGENT_RUN),
          Map.entry(MetricCatalogue.TOOL_DURATION.name(), Instrument.TOOL),
          Map.entry(MetricCatalogue.AGENT_IN_FLIGHT.name(), Instrument.IN_FLIGHT),
          Map.entry(MetricCatalogue.LLM_INPUT_TOKENS.name(), Instrument.INPUT_TOKENS),
          Map.entry(MetricCatalogue.LLM_OUTPUT_TOKENS.name(), Instrument.OUTPUT_TOKENS),
          Map.entry(MetricCatalogue.LLM_CACHE_READ_TOKENS.name(), Instrument.CACHE_READ_TOKENS),
          Map.entry(MetricCatalogue.LLM_CACHE_WRITE_TOKENS.name(), Instrument.CACHE_WRITE_TOKENS),
          Map.entry(MetricCatalogue.LLM_REASONING_TOKENS.name(), Instrument.REASONING_TOKENS));

  private final MicrometerAgentMetrics recorder;
  private final OtlpCounters counters;
  private final SpanSources spanSources;
  private final CumulativeStreams streams;
  private final PendingPoints pending;
  private final AtomicBoolean warned = new AtomicBoolean();
  private final LlmSeries llmSeries;
  private final MetricHandles.AgentRunDuration<Timer> runs;
  private final MetricHandles.ToolDuration<Timer> tools;

  MetricsReceiver(
      MicrometerAgentMetrics recorder,
      OtlpCounters counters,
      SpanSources spanSources,
      CumulativeStreams streams,
      PendingPoints pending) {
    this.recorder = recorder;
    this.counters = counters;
    this.spanSources = spanSources;
    this.streams = streams;
    this.pending = pending;
    GuardedMeters meters = recorder.guardedMeters();
    this.llmSeries = recorder.llmSeries();
    this.runs = MetricHandles.agentRunDuration(meters);
    this.tools = MetricHandles.toolDuration(meters);
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
      Sender sender =
          new Sender(
              ResourceIdentity.serviceName(resource.getResource()),
              ResourceIdentity.team(resource.getResource()),
              ResourceIdentity.source(resource.getResource()));
      Read read =
          new Read(
              sender,
              spanSources.sendsSpans(sender.service()),
              new TokenSums(),
              new ArrayList<>(),
              result);
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          Instrument instrument = NAMES.get(metric.getName());
          if (instrument == Instrument.IN_FLIGHT && (metric.hasSum() || metric.hasGauge())) {
            inFlightPoints(metric, read);
          } else if (instrument != null && instrument.isCounter() && isMonotonicSum(metric)) {
            counterPoints(instrument, metric, read);
          } else if (instrument != null && !instrument.isCounter() && metric.hasHistogram()) {
            histogramPoints(instrument, metric, read);
          } else {
            for (int i = 0; i < points(metric); i++) {
              result.ignored();
            }
          }
        }
      }
      pending.hold(sender.service(), read.recordings(), () -> read.tokens().recordInto(recorder));
    }
    OtlpResult done = result.build();
    counters.count(done);
    return done;
  }

  /**
   * Who sent a resource's points: its service, the team its usage is charged to, and the process
   * (the source of its in-flight reports).
   */
  private record Sender(String service, String team, String source) {}

  /**
   * What reading one resource's points gives: their sender, whether its calls come from spans
   * instead, its token sums, one recording per point, and the counts of the answer.
   */
  private record Read(
      Sender sender,
      boolean fromSpans,
      TokenSums tokens,
      List<Runnable> recordings,
      OtlpResult.Builder result) {

    /** Whether a point is skipped (its service sends spans) or refused; counted if so. */
    boolean skipsOrRefuses(Metric metric, String problem) {
      if (fromSpans) {
        result.skipped();
        return true;
      }
      if (problem != null) {
        result.refused("a point of '" + metric.getName() + "' " + problem);
        return true;
      }
      return false;
    }
  }

  private static boolean isCumulative(AggregationTemporality temporality) {
    return temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  }

  private void histogramPoints(Instrument instrument, Metric metric, Read read) {
    boolean cumulative = isCumulative(metric.getHistogram().getAggregationTemporality());
    for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
      if (read.skipsOrRefuses(metric, read.fromSpans() ? null : problem(point))) {
        continue;
      }
      CumulativeStreams.Totals totals = totals(point);
      if (cumulative) {
        totals =
            streams.increment(
                stream(read.sender().service(), metric.getName(), point.getAttributesList()),
                point.getStartTimeUnixNano(),
                totals);
      }
      CumulativeStreams.Totals increment = totals;
      GenAiAttributes attributes = GenAiAttributes.of(point.getAttributesList());
      List<Double> bounds = point.getExplicitBoundsList();
      read.recordings().add(() -> record(instrument, attributes, read, increment, bounds));
    }
  }

  /**
   * {@code agent.in_flight} from an UpDownCounter (a cumulative non-monotonic sum: the SDKs export
   * UpDownCounters cumulative whatever the temporality preference) or a gauge: each point the
   * absolute number of its {@code work} in flight in the sending process, recorded at once as the
   * JSON {@code in_flight} report of that process ({@link ResourceIdentity#source}) is: the newest
   * report of each source counts, until the in-flight expiry. Not skipped for a service that sends
   * spans: spans carry no in-flight numbers.
   */
  private void inFlightPoints(Metric metric, Read read) {
    boolean delta =
        metric.hasSum()
            && (metric.getSum().getIsMonotonic()
                || !isCumulative(metric.getSum().getAggregationTemporality()));
    List<NumberDataPoint> points =
        metric.hasSum()
            ? metric.getSum().getDataPointsList()
            : metric.getGauge().getDataPointsList();
    for (NumberDataPoint point : points) {
      InFlightWork work = InFlightWork.fromLabel(text(point, Labels.IN_FLIGHT_WORK.key()));
      double value =
          point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
              ? point.getAsInt()
              : point.getAsDouble();
      String problem = inFlightProblem(delta, work, value);
      if (problem != null) {
        read.result().refused("a point of '" + metric.getName() + "' " + problem);
        continue;
      }
      String agent = labels(GenAiAttributes.of(point.getAttributesList()), read.sender()).agent();
      recorder.inFlight(read.sender().source(), agent, work, (long) value);
      read.result().recorded();
    }
  }

  /** Why an in-flight point cannot be an absolute number of work, or null when it can. */
  private static String inFlightProblem(boolean delta, InFlightWork work, double value) {
    if (delta) {
      return "is a delta or monotonic sum: an in-flight number is an UpDownCounter exported"
          + " cumulative (the SDKs' default) or a gauge";
    }
    if (work == null) {
      return "has no '"
          + Labels.IN_FLIGHT_WORK.key()
          + "' attribute of "
          + java.util.Arrays.stream(InFlightWork.values()).map(InFlightWork::label).toList();
    }
    if (!(value >= 0 && value == Math.rint(value) && value <= Long.MAX_VALUE)) {
      return "is not a whole number of at least 0: " + value;
    }
    return null;
  }

  private static String text(NumberDataPoint point, String key) {
    for (KeyValue attribute : point.getAttributesList()) {
      if (attribute.getKey().equals(key)) {
        return AttributeValues.text(attribute.getValue());
      }
    }
    return null;
  }

  private void counterPoints(Instrument instrument, Metric metric, Read read) {
    boolean cumulative = isCumulative(metric.getSum().getAggregationTemporality());
    for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
      double value =
          point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
              ? point.getAsInt()
              : point.getAsDouble();
      boolean valid = Double.isFinite(value) && value >= 0;
      if (read.skipsOrRefuses(metric, valid ? null : "has a negative or not finite value")) {
        continue;
      }
      long count = Math.round(value);
      if (cumulative) {
        count =
            streams
                .increment(
                    stream(read.sender().service(), metric.getName(), point.getAttributesList()),
                    point.getStartTimeUnixNano(),
                    new CumulativeStreams.Totals(count, count, new long[0]))
                .count();
      }
      long increment = count;
      GenAiAttributes attributes = GenAiAttributes.of(point.getAttributesList());
      read.recordings()
          .add(
              () -> {
                if (increment > 0) {
                  read.tokens()
                      .add(labels(attributes, read.sender()), kind(instrument), increment, 0);
                }
              });
    }
  }

  private static boolean isMonotonicSum(Metric metric) {
    return metric.hasSum() && metric.getSum().getIsMonotonic();
  }

  private static TokenSums.Kind kind(Instrument counter) {
    return switch (counter) {
      case INPUT_TOKENS -> TokenSums.Kind.INPUT;
      case OUTPUT_TOKENS -> TokenSums.Kind.OUTPUT;
      case CACHE_READ_TOKENS -> TokenSums.Kind.CACHE_READ;
      case CACHE_WRITE_TOKENS -> TokenSums.Kind.CACHE_WRITE;
      case REASONING_TOKENS -> TokenSums.Kind.REASONING;
      default -> throw new IllegalArgumentException("not a token counter: " + counter);
    };
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
      Read read,
      CumulativeStreams.Totals totals,
      List<Double> bounds) {
    if (totals.isEmpty()) {
      return;
    }
    TokenSums.Labels labels = labels(attributes, read.sender());
    String error = text(attributes, GenAiField.ERROR_TYPE, Labels.NO_ERROR);
    String agent = labels.agent();
    switch (instrument) {
      case DURATION -> observations(totals, bounds, llmCall(labels, error)::duration);
      case FIRST_CHUNK -> observations(totals, bounds, llmCall(labels, error)::timeToFirstChunk);
      case CHUNK_INTERVAL ->
          observations(totals, bounds, llmCall(labels, error)::timePerOutputChunk);
      case AGENT_RUN -> seconds(runs.agent(agent).errorType(error), totals, bounds);
      case TOOL -> {
        String type = text(attributes, GenAiField.TOOL_TYPE, ToolKind.TOOL.label());
        seconds(
            tools
                .agent(agent)
                .tool(text(attributes, GenAiField.TOOL_NAME, "unknown"))
                .toolType(type)
                .errorType(error),
            totals,
            bounds);
      }
      case TOKENS -> tokenUsage(attributes, labels, totals, bounds, read.tokens());
      default -> throw new IllegalArgumentException("not a histogram: " + instrument);
    }
  }

  /** The LLM call meters of a point's labels. */
  private LlmSeries.CallMeters llmCall(TokenSums.Labels labels, String errorType) {
    return llmSeries
        .operation(labels.operation())
        .provider(labels.provider())
        .model(labels.model())
        .agent(labels.agent())
        .team(labels.team())
        .errorType(errorType);
  }

  /** The labels of a point: its attributes, else its sender's service (agent) and team. */
  private static TokenSums.Labels labels(GenAiAttributes attributes, Sender sender) {
    String model = text(attributes, GenAiField.REQUEST_MODEL, null);
    if (model == null) {
      model = text(attributes, GenAiField.RESPONSE_MODEL, "unknown");
    }
    return new TokenSums.Labels(
        text(attributes, GenAiField.OPERATION, "chat"),
        SpanMapper.provider(text(attributes, GenAiField.PROVIDER, "unknown")),
        model,
        text(attributes, GenAiField.AGENT_NAME, sender.service()),
        SpanMapper.team(attributes, sender.team()));
  }

  /** A {@code gen_ai.client.token.usage} point: tokens per call here, the sums to the recorder. */
  private void tokenUsage(
      GenAiAttributes attributes,
      TokenSums.Labels labels,
      CumulativeStreams.Totals totals,
      List<Double> bounds,
      TokenSums tokens) {
    String type = text(attributes, GenAiField.TOKEN_TYPE, "");
    boolean input = type.equals("input");
    if (!input && !type.equals("output")) {
      return;
    }
    LlmSeries.CallMeters meters = llmCall(labels, Labels.NO_ERROR);
    observations(totals, bounds, input ? meters::inputTokensPerCall : meters::outputTokensPerCall);
    tokens.add(
        labels,
        input ? TokenSums.Kind.INPUT : TokenSums.Kind.OUTPUT,
        Math.round(totals.sum()),
        totals.count());
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

  private static String stream(String service, String metric, List<KeyValue> pointAttributes) {
    List<KeyValue> attributes = new ArrayList<>(pointAttributes);
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
