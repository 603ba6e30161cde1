package io.agentmetrics.benchmarks;

import static io.agentmetrics.api.MetricCatalogue.COST;
import static io.agentmetrics.api.MetricCatalogue.LLM_CALL_INPUT_TOKENS;
import static io.agentmetrics.api.MetricCatalogue.LLM_INFERENCE_DURATION;
import static io.agentmetrics.api.MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK;

import io.agentmetrics.api.AgentMetrics;
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
 * One finished LLM call: our facade's {@code llmCall} (operation duration, time to first chunk,
 * input and output tokens, cost) against the same five updates, with the same names, labels and
 * buckets, done with plain Micrometer and with client_java 1.x.
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
  private static final String OUTCOME = "outcome";
  private static final String ERROR = "error.type";
  private static final String TOKEN_TYPE = "gen_ai.token.type";
  private static final String AGENT = "gen_ai.agent.name";
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
    Meter.MeterProvider<DistributionSummary> tokenProvider;
    Meter.MeterProvider<Counter> costProvider;
    CachedMeters[] cached;
    Histogram clientDurations;
    Histogram clientFirstChunks;
    Histogram clientTokens;
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
      tokenProvider =
          DistributionSummary.builder(LLM_CALL_INPUT_TOKENS.name())
              .serviceLevelObjectives(TOKEN_SLOS)
              .withRegistry(micrometer);
      costProvider = Counter.builder(COST.name()).baseUnit("usd").withRegistry(micrometer);
      PrometheusRegistry client = new PrometheusRegistry();
      clientDurations =
          histogram(LLM_INFERENCE_DURATION.buckets())
              .name("gen_ai_client_inference_duration_seconds")
              .labelNames(
                  "gen_ai_operation_name",
                  "gen_ai_provider_name",
                  "gen_ai_request_model",
                  OUTCOME,
                  "error_type")
              .withoutExemplars()
              .register(client);
      clientFirstChunks =
          histogram(LLM_TIME_TO_FIRST_CHUNK.buckets())
              .name("gen_ai_client_inference_time_to_first_chunk_seconds")
              .labelNames("gen_ai_operation_name", "gen_ai_provider_name", "gen_ai_request_model")
              .withoutExemplars()
              .register(client);
      clientTokens =
          histogram(LLM_CALL_INPUT_TOKENS.buckets())
              .name("gen_ai_client_token_usage")
              .labelNames(
                  "gen_ai_operation_name",
                  "gen_ai_provider_name",
                  "gen_ai_request_model",
                  "gen_ai_token_type",
                  "gen_ai_agent_name")
              .withoutExemplars()
              .register(client);
      clientCosts =
          io.prometheus.metrics.core.metrics.Counter.builder()
              .name("agent_cost_usd_total")
              .labelNames("gen_ai_provider_name", "gen_ai_request_model", "gen_ai_agent_name")
              .withoutExemplars()
              .register(client);
      cached = new CachedMeters[LabelSets.SIZE];
      cachedPoints = new CachedDataPoints[LabelSets.SIZE];
      for (int i = 0; i < LabelSets.SIZE; i++) {
        facade.llmCall(LlmCalls.CALLS[i]);
        cached[i] = new CachedMeters(this, i);
        cachedPoints[i] = new CachedDataPoints(this, i);
      }
    }
  }

  /** The five meters of one label set, held by the application. */
  static final class CachedMeters {
    final Timer duration;
    final Timer firstChunk;
    final DistributionSummary input;
    final DistributionSummary output;
    final Counter cost;

    CachedMeters(Registries r, int i) {
      duration = r.durationProvider.withTags(durationTags(i));
      firstChunk = r.firstChunkProvider.withTags(firstChunkTags(i));
      input = r.tokenProvider.withTags(tokenTags(i, "input"));
      output = r.tokenProvider.withTags(tokenTags(i, "output"));
      cost = r.costProvider.withTags(costTags(i));
    }
  }

  /** The five client_java data points of one label set, held by the application. */
  static final class CachedDataPoints {
    final DistributionDataPoint duration;
    final DistributionDataPoint firstChunk;
    final DistributionDataPoint input;
    final DistributionDataPoint output;
    final CounterDataPoint cost;

    CachedDataPoints(Registries r, int i) {
      duration = r.clientDurations.labelValues(durationValues(i));
      firstChunk = r.clientFirstChunks.labelValues(firstChunkValues(i));
      input = r.clientTokens.labelValues(tokenValues(i, "input"));
      output = r.clientTokens.labelValues(tokenValues(i, "output"));
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
    Timer.builder(LLM_INFERENCE_DURATION.name())
        .serviceLevelObjectives(DURATION_SLOS)
        .tags(durationTags(i))
        .register(r.micrometer)
        .record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    Timer.builder(LLM_TIME_TO_FIRST_CHUNK.name())
        .serviceLevelObjectives(FIRST_CHUNK_SLOS)
        .tags(firstChunkTags(i))
        .register(r.micrometer)
        .record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    DistributionSummary.builder(LLM_CALL_INPUT_TOKENS.name())
        .serviceLevelObjectives(TOKEN_SLOS)
        .tags(tokenTags(i, "input"))
        .register(r.micrometer)
        .record(LlmCalls.INPUT_TOKENS);
    DistributionSummary.builder(LLM_CALL_INPUT_TOKENS.name())
        .serviceLevelObjectives(TOKEN_SLOS)
        .tags(tokenTags(i, "output"))
        .register(r.micrometer)
        .record(LlmCalls.OUTPUT_TOKENS);
    Counter.builder(COST.name())
        .baseUnit("usd")
        .tags(costTags(i))
        .register(r.micrometer)
        .increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void micrometerRegistryLookup(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    MeterRegistry m = r.micrometer;
    m.timer(LLM_INFERENCE_DURATION.name(), durationTags(i))
        .record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    m.timer(LLM_TIME_TO_FIRST_CHUNK.name(), firstChunkTags(i))
        .record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    m.summary(LLM_CALL_INPUT_TOKENS.name(), tokenTags(i, "input")).record(LlmCalls.INPUT_TOKENS);
    m.summary(LLM_CALL_INPUT_TOKENS.name(), tokenTags(i, "output")).record(LlmCalls.OUTPUT_TOKENS);
    m.counter(COST.name(), costTags(i)).increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void micrometerMeterProvider(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.durationProvider.withTags(durationTags(i)).record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    r.firstChunkProvider
        .withTags(firstChunkTags(i))
        .record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    r.tokenProvider.withTags(tokenTags(i, "input")).record(LlmCalls.INPUT_TOKENS);
    r.tokenProvider.withTags(tokenTags(i, "output")).record(LlmCalls.OUTPUT_TOKENS);
    r.costProvider.withTags(costTags(i)).increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void micrometerCachedMeters(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    CachedMeters m = r.cached[i];
    m.duration.record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    m.firstChunk.record(FIRST_CHUNK_NANOS, TimeUnit.NANOSECONDS);
    m.input.record(LlmCalls.INPUT_TOKENS);
    m.output.record(LlmCalls.OUTPUT_TOKENS);
    m.cost.increment(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void clientJavaLabelValues(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.clientDurations.labelValues(durationValues(i)).observe(LlmCalls.DURATION_SECONDS);
    r.clientFirstChunks.labelValues(firstChunkValues(i)).observe(LlmCalls.FIRST_CHUNK_SECONDS);
    r.clientTokens.labelValues(tokenValues(i, "input")).observe(LlmCalls.INPUT_TOKENS);
    r.clientTokens.labelValues(tokenValues(i, "output")).observe(LlmCalls.OUTPUT_TOKENS);
    r.clientCosts.labelValues(costValues(i)).inc(LlmCalls.costUsd(i));
  }

  @Benchmark
  public void clientJavaCachedDataPoints(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    CachedDataPoints p = r.cachedPoints[i];
    p.duration.observe(LlmCalls.DURATION_SECONDS);
    p.firstChunk.observe(LlmCalls.FIRST_CHUNK_SECONDS);
    p.input.observe(LlmCalls.INPUT_TOKENS);
    p.output.observe(LlmCalls.OUTPUT_TOKENS);
    p.cost.inc(LlmCalls.costUsd(i));
  }

  private static String[] durationTags(int i) {
    return new String[] {
      OP, LlmCalls.OPERATION,
      PROVIDER, LlmCalls.provider(i),
      MODEL, LlmCalls.model(i),
      OUTCOME, LlmCalls.outcome(i),
      ERROR, LlmCalls.errorLabel(i)
    };
  }

  private static String[] firstChunkTags(int i) {
    return new String[] {
      OP, LlmCalls.OPERATION, PROVIDER, LlmCalls.provider(i), MODEL, LlmCalls.model(i)
    };
  }

  private static String[] tokenTags(int i, String type) {
    return new String[] {
      OP, LlmCalls.OPERATION,
      PROVIDER, LlmCalls.provider(i),
      MODEL, LlmCalls.model(i),
      TOKEN_TYPE, type,
      AGENT, LabelSets.agent(i)
    };
  }

  private static String[] costTags(int i) {
    return new String[] {
      PROVIDER, LlmCalls.provider(i), MODEL, LlmCalls.model(i), AGENT, LabelSets.agent(i)
    };
  }

  private static String[] durationValues(int i) {
    return new String[] {
      LlmCalls.OPERATION,
      LlmCalls.provider(i),
      LlmCalls.model(i),
      LlmCalls.outcome(i),
      LlmCalls.errorLabel(i)
    };
  }

  private static String[] firstChunkValues(int i) {
    return new String[] {LlmCalls.OPERATION, LlmCalls.provider(i), LlmCalls.model(i)};
  }

  private static String[] tokenValues(int i, String type) {
    return new String[] {
      LlmCalls.OPERATION, LlmCalls.provider(i), LlmCalls.model(i), type, LabelSets.agent(i)
    };
  }

  private static String[] costValues(int i) {
    return new String[] {LlmCalls.provider(i), LlmCalls.model(i), LabelSets.agent(i)};
  }

  private static Histogram.Builder histogram(List<Double> buckets) {
    return Histogram.builder().classicOnly().classicUpperBounds(doubles(buckets));
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
