package io.agentmetrics.benchmarks;

import static io.agentmetrics.api.MetricCatalogue.COST;
import static io.agentmetrics.api.MetricCatalogue.LLM_CALL_INPUT_TOKENS;
import static io.agentmetrics.api.MetricCatalogue.LLM_CALL_OUTPUT_TOKENS;
import static io.agentmetrics.api.MetricCatalogue.LLM_INFERENCE_DURATION;
import static io.agentmetrics.api.MetricCatalogue.LLM_INPUT_TOKENS;
import static io.agentmetrics.api.MetricCatalogue.LLM_OUTPUT_TOKENS;
import static io.agentmetrics.api.MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One finished LLM call as catalogue v2 records it: our facade's {@code llmCall} (inference
 * duration, time to first chunk, input and output token counters, input and output tokens per call,
 * cost: 7 meter updates) against the same seven updates, with the same names, labels and buckets,
 * done with plain Micrometer and with client_java 1.x.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LlmCallBenchmark {

  private static final String OP = "gen_ai.operation.name";
  private static final String PROVIDER = "gen_ai.provider.name";
  private static final String MODEL = "gen_ai.request.model";
  private static final String ERROR = "error.type";
  private static final String MODALITY = "gen_ai.token.modality";
  private static final String AGENT = "gen_ai.agent.name";
  private static final String TEAM = "team";
  private static final String UNKNOWN_MODALITY = "unknown";
  private static final String NO_TEAM = "";
  private static final Duration[] DURATION_SLOS = durations(LLM_INFERENCE_DURATION.buckets());
  private static final Duration[] FIRST_CHUNK_SLOS = durations(LLM_TIME_TO_FIRST_CHUNK.buckets());
  private static final double[] TOKEN_SLOS = doubles(LLM_CALL_INPUT_TOKENS.buckets());
  private static final long DURATION_NANOS = (long) (LlmCalls.DURATION_SECONDS * 1e9);
  private static final long FIRST_CHUNK_NANOS = (long) (LlmCalls.FIRST_CHUNK_SECONDS * 1e9);

  /** Registries with every label set registered, shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Registries {
    AgentMetrics facade;
    MeterRegistry micrometer;
    Meter.MeterProvider<Timer> durationProvider;
    Meter.MeterProvider<Timer> firstChunkProvider;
    Meter.MeterProvider<Counter> inputTokenProvider;
    Meter.MeterProvider<Counter> outputTokenProvider;
    Meter.MeterProvider<DistributionSummary> callInputProvider;
    Meter.MeterProvider<DistributionSummary> callOutputProvider;
    Meter.MeterProvider<Counter> costProvider;
    CachedMeters[] cached;
    Histogram clientDurations;
    Histogram clientFirstChunks;
    io.prometheus.metrics.core.metrics.Counter clientInputTokens;
    io.prometheus.metrics.core.metrics.Counter clientOutputTokens;
    Histogram clientCallInput;
    Histogram clientCallOutput;
    io.prometheus.metrics.core.metrics.Counter clientCosts;
    CachedDataPoints[] cachedPoints;

    /** Records every label set once through each path, so all measured calls are steady state. */
    @Setup
    public void setUp() {
      facade =
          MicrometerAgentMetrics.builder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .build();
      micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      durationProvider =
          Timer.builder(LLM_INFERENCE_DURATION.name())
              .serviceLevelObjectives(DURATION_SLOS)
              .withRegistry(micrometer);
      firstChunkProvider =
          Timer.builder(LLM_TIME_TO_FIRST_CHUNK.name())
              .serviceLevelObjectives(FIRST_CHUNK_SLOS)
              .withRegistry(micrometer);
      inputTokenProvider = Counter.builder(LLM_INPUT_TOKENS.name()).withRegistry(micrometer);
      outputTokenProvider = Counter.builder(LLM_OUTPUT_TOKENS.name()).withRegistry(micrometer);
      callInputProvider =
          DistributionSummary.builder(LLM_CALL_INPUT_TOKENS.name())
              .serviceLevelObjectives(TOKEN_SLOS)
              .withRegistry(micrometer);
      callOutputProvider =
          DistributionSummary.builder(LLM_CALL_OUTPUT_TOKENS.name())
              .serviceLevelObjectives(TOKEN_SLOS)
              .withRegistry(micrometer);
      costProvider = Counter.builder(COST.name()).baseUnit("usd").withRegistry(micrometer);
      PrometheusRegistry client = new PrometheusRegistry();
      clientDurations = histogram(LLM_INFERENCE_DURATION).register(client);
      clientFirstChunks = histogram(LLM_TIME_TO_FIRST_CHUNK).register(client);
      clientInputTokens = counter(LLM_INPUT_TOKENS).register(client);
      clientOutputTokens = counter(LLM_OUTPUT_TOKENS).register(client);
      clientCallInput = histogram(LLM_CALL_INPUT_TOKENS).register(client);
      clientCallOutput = histogram(LLM_CALL_OUTPUT_TOKENS).register(client);
      clientCosts = counter(COST).register(client);
      cached = new CachedMeters[LabelSets.SIZE];
      cachedPoints = new CachedDataPoints[LabelSets.SIZE];
      for (int i = 0; i < LabelSets.SIZE; i++) {
        facade.llmCall(LlmCalls.CALLS[i]);
        cached[i] = new CachedMeters(this, i);
        cachedPoints[i] = new CachedDataPoints(this, i);
      }
    }
  }

  /** The seven meters of one label set, held by the application. */
  static final class CachedMeters {
    final Timer duration;
    final Timer firstChunk;
    final Counter inputTokens;
    final Counter outputTokens;
    final DistributionSummary callInput;
    final DistributionSummary callOutput;
    final Counter cost;

    CachedMeters(Registries r, int i) {
      duration = r.durationProvider.withTags(durationTags(i));
      firstChunk = r.firstChunkProvider.withTags(callTags(i));
      inputTokens = r.inputTokenProvider.withTags(tokenTags(i));
      outputTokens = r.outputTokenProvider.withTags(tokenTags(i));
      callInput = r.callInputProvider.withTags(callTags(i));
      callOutput = r.callOutputProvider.withTags(callTags(i));
      cost = r.costProvider.withTags(costTags(i));
    }
  }

  /** The seven client_java data points of one label set, held by the application. */
  static final class CachedDataPoints {
    final DistributionDataPoint duration;
    final DistributionDataPoint firstChunk;
    final CounterDataPoint inputTokens;
    final CounterDataPoint outputTokens;
    final DistributionDataPoint callInput;
    final DistributionDataPoint callOutput;
    final CounterDataPoint cost;

    CachedDataPoints(Registries r, int i) {
      duration = r.clientDurations.labelValues(durationValues(i));
      firstChunk = r.clientFirstChunks.labelValues(callValues(i));
      inputTokens = r.clientInputTokens.labelValues(tokenValues(i));
      outputTokens = r.clientOutputTokens.labelValues(tokenValues(i));
      callInput = r.clientCallInput.labelValues(callValues(i));
      callOutput = r.clientCallOutput.labelValues(callValues(i));
      cost = r.clientCosts.labelValues(costValues(i));
    }
  }

  @Benchmark
  public void agentmetricsFacade(Registries r, LabelSets.Cursor c) {
    r.facade.llmCall(LlmCalls.CALLS[c.next()]);
  }

  @Benchmark
  public void micrometerBuilderPerCall(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    MeterRegistry m = r.micrometer;
    Timer.builder(LLM_INFERENCE_DURATION.name())
        .serviceLevelObjectives(DURATION_SLOS)
        .tags(durationTags(i))
        .register(m)
        .record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    Timer.builder(LLM_TIME_TO_FIRST_CHUNK.name())
        .serviceLevelObjectives(FIRST_CHUNK_SLOS)
        .tags(callTags(i))
        .register(m)
        .record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    Counter.builder(LLM_INPUT_TOKENS.name())
        .tags(tokenTags(i))
        .register(m)
        .increment(LlmCalls.INPUT_TOKENS);
    Counter.builder(LLM_OUTPUT_TOKENS.name())
        .tags(tokenTags(i))
        .register(m)
        .increment(LlmCalls.OUTPUT_TOKENS);
    DistributionSummary.builder(LLM_CALL_INPUT_TOKENS.name())
        .serviceLevelObjectives(TOKEN_SLOS)
        .tags(callTags(i))
        .register(m)
        .record(LlmCalls.INPUT_TOKENS);
    DistributionSummary.builder(LLM_CALL_OUTPUT_TOKENS.name())
        .serviceLevelObjectives(TOKEN_SLOS)
        .tags(callTags(i))
        .register(m)
        .record(LlmCalls.OUTPUT_TOKENS);
    Counter.builder(COST.name())
        .baseUnit("usd")
        .tags(costTags(i))
        .register(m)
        .increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void micrometerRegistryLookup(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    MeterRegistry m = r.micrometer;
    m.timer(LLM_INFERENCE_DURATION.name(), durationTags(i))
        .record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    m.timer(LLM_TIME_TO_FIRST_CHUNK.name(), callTags(i))
        .record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    m.counter(LLM_INPUT_TOKENS.name(), tokenTags(i)).increment(LlmCalls.INPUT_TOKENS);
    m.counter(LLM_OUTPUT_TOKENS.name(), tokenTags(i)).increment(LlmCalls.OUTPUT_TOKENS);
    m.summary(LLM_CALL_INPUT_TOKENS.name(), callTags(i)).record(LlmCalls.INPUT_TOKENS);
    m.summary(LLM_CALL_OUTPUT_TOKENS.name(), callTags(i)).record(LlmCalls.OUTPUT_TOKENS);
    m.counter(COST.name(), costTags(i)).increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void micrometerMeterProvider(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.durationProvider.withTags(durationTags(i)).record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    r.firstChunkProvider.withTags(callTags(i)).record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    r.inputTokenProvider.withTags(tokenTags(i)).increment(LlmCalls.INPUT_TOKENS);
    r.outputTokenProvider.withTags(tokenTags(i)).increment(LlmCalls.OUTPUT_TOKENS);
    r.callInputProvider.withTags(callTags(i)).record(LlmCalls.INPUT_TOKENS);
    r.callOutputProvider.withTags(callTags(i)).record(LlmCalls.OUTPUT_TOKENS);
    r.costProvider.withTags(costTags(i)).increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void micrometerCachedMeters(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    CachedMeters m = r.cached[i];
    m.duration.record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    m.firstChunk.record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    m.inputTokens.increment(LlmCalls.INPUT_TOKENS);
    m.outputTokens.increment(LlmCalls.OUTPUT_TOKENS);
    m.callInput.record(LlmCalls.INPUT_TOKENS);
    m.callOutput.record(LlmCalls.OUTPUT_TOKENS);
    m.cost.increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void clientJavaLabelValues(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.clientDurations.labelValues(durationValues(i)).observe(LlmCalls.DURATION_SECONDS);
    r.clientFirstChunks.labelValues(callValues(i)).observe(LlmCalls.FIRST_CHUNK_SECONDS);
    r.clientInputTokens.labelValues(tokenValues(i)).inc(LlmCalls.INPUT_TOKENS);
    r.clientOutputTokens.labelValues(tokenValues(i)).inc(LlmCalls.OUTPUT_TOKENS);
    r.clientCallInput.labelValues(callValues(i)).observe(LlmCalls.INPUT_TOKENS);
    r.clientCallOutput.labelValues(callValues(i)).observe(LlmCalls.OUTPUT_TOKENS);
    r.clientCosts.labelValues(costValues(i)).inc(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void clientJavaCachedDataPoints(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    CachedDataPoints p = r.cachedPoints[i];
    p.duration.observe(LlmCalls.DURATION_SECONDS);
    p.firstChunk.observe(LlmCalls.FIRST_CHUNK_SECONDS);
    p.inputTokens.inc(LlmCalls.INPUT_TOKENS);
    p.outputTokens.inc(LlmCalls.OUTPUT_TOKENS);
    p.callInput.observe(LlmCalls.INPUT_TOKENS);
    p.callOutput.observe(LlmCalls.OUTPUT_TOKENS);
    p.cost.inc(LlmCalls.costUsd(i));
  }

  private static String[] durationTags(int i) {
    return new String[] {
      OP, LlmCalls.OPERATION,
      PROVIDER, LlmCalls.provider(i),
      MODEL, LlmCalls.model(i),
      ERROR, LlmCalls.errorLabel(i)
    };
  }

  /** Time to first chunk and the per-call token histograms. */
  private static String[] callTags(int i) {
    return new String[] {
      OP, LlmCalls.OPERATION, PROVIDER, LlmCalls.provider(i), MODEL, LlmCalls.model(i)
    };
  }

  private static String[] tokenTags(int i) {
    return new String[] {
      OP,
      LlmCalls.OPERATION,
      PROVIDER,
      LlmCalls.provider(i),
      MODEL,
      LlmCalls.model(i),
      MODALITY,
      UNKNOWN_MODALITY,
      AGENT,
      LabelSets.agent(i),
      TEAM,
      NO_TEAM
    };
  }

  private static String[] costTags(int i) {
    return new String[] {
      PROVIDER, LlmCalls.provider(i),
      MODEL, LlmCalls.model(i),
      AGENT, LabelSets.agent(i),
      TEAM, NO_TEAM
    };
  }

  private static String[] durationValues(int i) {
    return new String[] {
      LlmCalls.OPERATION, LlmCalls.provider(i), LlmCalls.model(i), LlmCalls.errorLabel(i)
    };
  }

  private static String[] callValues(int i) {
    return new String[] {LlmCalls.OPERATION, LlmCalls.provider(i), LlmCalls.model(i)};
  }

  private static String[] tokenValues(int i) {
    return new String[] {
      LlmCalls.OPERATION,
      LlmCalls.provider(i),
      LlmCalls.model(i),
      UNKNOWN_MODALITY,
      LabelSets.agent(i),
      NO_TEAM
    };
  }

  private static String[] costValues(int i) {
    return new String[] {LlmCalls.provider(i), LlmCalls.model(i), LabelSets.agent(i), NO_TEAM};
  }

  /** A classic histogram with the metric's Prometheus name, labels and buckets. */
  private static Histogram.Builder histogram(MetricDefinition metric) {
    return Histogram.builder()
        .classicOnly()
        .classicUpperBounds(doubles(metric.buckets()))
        .name(metric.prometheusName())
        .labelNames(metric.labelNames().toArray(String[]::new))
        .withoutExemplars();
  }

  /** A counter with the metric's Prometheus name and labels. */
  private static io.prometheus.metrics.core.metrics.Counter.Builder counter(
      MetricDefinition metric) {
    return io.prometheus.metrics.core.metrics.Counter.builder()
        .name(metric.prometheusName())
        .labelNames(metric.labelNames().toArray(String[]::new))
        .withoutExemplars();
  }

  private static Duration[] durations(List<Double> seconds) {
    return seconds.stream()
        .map(s -> Duration.ofNanos(Math.round(s * 1e9)))
        .toArray(Duration[]::new);
  }

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
