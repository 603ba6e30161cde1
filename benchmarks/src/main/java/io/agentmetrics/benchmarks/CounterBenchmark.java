package io.agentmetrics.benchmarks;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
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
 * One counter increment with dynamic labels ({@code agent_skill_access_total}: agent, skill,
 * decision), the label set picked per call from {@value LabelSets#SIZE} sets that were all seen
 * during setup: our facade against every way plain Micrometer and client_java 1.x offer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CounterBenchmark {

  private static final String NAME = MetricCatalogue.SKILL_ACCESS.name();
  private static final String AGENT = "gen_ai.agent.name";
  private static final String SKILL = "skill";
  private static final String DECISION = "decision";

  /** The registries and meters, shared by the benchmark threads like an application's. */
  @State(Scope.Benchmark)
  public static class Registries {
    MeterRegistry micrometer;
    AgentMetrics facade;
    Meter.MeterProvider<Counter> provider;
    Counter[] cachedMeters;
    io.prometheus.metrics.core.metrics.Counter clientJava;
    CounterDataPoint[] cachedDataPoints;

    /** Registers every label set once, so that the measured calls are all steady state. */
    @Setup
    public void setUp() {
      micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      facade =
          MicrometerAgentMetrics.builder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .build();
      provider = Counter.builder(NAME).withRegistry(micrometer);
      clientJava =
          io.prometheus.metrics.core.metrics.Counter.builder()
              .name("agent_skill_access_total")
              .help("Skill access checks, allowed or denied.")
              .labelNames("gen_ai_agent_name", SKILL, DECISION)
              .withoutExemplars()
              .register(new PrometheusRegistry());
      cachedMeters = new Counter[LabelSets.SIZE];
      cachedDataPoints = new CounterDataPoint[LabelSets.SIZE];
      for (int i = 0; i < LabelSets.SIZE; i++) {
        cachedMeters[i] =
            Counter.builder(NAME)
                .tags(AGENT, LabelSets.agent(i), SKILL, LabelSets.skill(i), DECISION, decision(i))
                .register(micrometer);
        cachedDataPoints[i] =
            clientJava.labelValues(LabelSets.agent(i), LabelSets.skill(i), decision(i));
        facade.skillAccess(LabelSets.agent(i), LabelSets.skill(i), LabelSets.allowed(i));
      }
    }
  }

  private static String decision(int i) {
    return LabelSets.allowed(i) ? "allowed" : "denied";
  }

  @Benchmark
  public void agentmetricsFacade(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.facade.skillAccess(LabelSets.agent(i), LabelSets.skill(i), LabelSets.allowed(i));
  }

  @Benchmark
  public void micrometerBuilderPerCall(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    Counter.builder(NAME)
        .tags(AGENT, LabelSets.agent(i), SKILL, LabelSets.skill(i), DECISION, decision(i))
        .register(r.micrometer)
        .increment();
  }

  @Benchmark
  public void micrometerRegistryCounter(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.micrometer
        .counter(NAME, AGENT, LabelSets.agent(i), SKILL, LabelSets.skill(i), DECISION, decision(i))
        .increment();
  }

  @Benchmark
  public void micrometerMeterProvider(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.provider
        .withTags(AGENT, LabelSets.agent(i), SKILL, LabelSets.skill(i), DECISION, decision(i))
        .increment();
  }

  @Benchmark
  public void micrometerCachedMeter(Registries r, LabelSets.Cursor c) {
    r.cachedMeters[c.next()].increment();
  }

  @Benchmark
  public void clientJavaLabelValues(Registries r, LabelSets.Cursor c) {
    int i = c.next();
    r.clientJava.labelValues(LabelSets.agent(i), LabelSets.skill(i), decision(i)).inc();
  }

  @Benchmark
  public void clientJavaCachedDataPoint(Registries r, LabelSets.Cursor c) {
    r.cachedDataPoints[c.next()].inc();
  }
}
