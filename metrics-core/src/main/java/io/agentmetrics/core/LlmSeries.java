package io.agentmetrics.core;

import io.agentmetrics.api.Labels;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.SavingMechanism;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LLM call metrics of one recorder by label set, as a typed handle: {@code
 * operation(..).provider(..).model(..).agent(..).team(..).errorType(..)} gives the {@link
 * CallMeters} of one label set, and they record every LLM metric of it. Each stage has a type of
 * its own, so a label left out, or two given in each other's place, does not compile. The stages
 * are small immutable values that the JIT keeps off the heap (0 B per call, measured); the last one
 * finds the label set's meters with one lookup of all six values, so a call resolves its meters
 * once instead of metric by metric.
 *
 * <p>The meters themselves come from the catalogue's {@link MeterFamily}s, so label policies,
 * distinct-value and series caps and the guard counters apply exactly as for any recording. What
 * this handle keeps is bounded: a label set with a value its label's policy refuses is never kept,
 * and past {@code maxLeaves} label sets new ones are resolved without being kept (correct, at the
 * families' speed). Hand-written for the measured target of issue 27 (a whole LLM call at or below
 * client_java's seven {@code labelValues(..)} updates); thread-safe.
 */
public final class LlmSeries {

  private final Families families;
  private final AtomicInteger leavesLeft;
  private final SeriesIndex<CallMeters> leaves = new SeriesIndex<>();

  LlmSeries(Meters meters, ValueCheck values, PriceTable prices, int maxLeaves) {
    this.families = new Families(meters, values, prices);
    this.leavesLeft = new AtomicInteger(maxLeaves);
  }

  /** The cost metric, whose values a reported cost is checked against. */
  MetricDefinition costMetric() {
    return families.costs.metric();
  }

  /** The first stage: the operation ({@code chat}, {@code embeddings}, ...). */
  public Providers operation(String operation) {
    return new Providers(operation);
  }

  /** The stage after the operation. */
  public final class Providers {
    private final String operation;

    private Providers(String operation) {
      this.operation = operation;
    }

    /** The provider ({@code gen_ai.provider.name}). */
    public Models provider(String provider) {
      return new Models(operation, provider);
    }
  }

  /** The stage after the provider. */
  public final class Models {
    private final String operation;
    private final String provider;

    private Models(String operation, String provider) {
      this.operation = operation;
      this.provider = provider;
    }

    /** The model ({@code gen_ai.request.model}). */
    public Agents model(String model) {
      return new Agents(operation, provider, model);
    }
  }

  /** The stage after the model. */
  public final class Agents {
    private final String operation;
    private final String provider;
    private final String model;

    private Agents(String operation, String provider, String model) {
      this.operation = operation;
      this.provider = provider;
      this.model = model;
    }

    /** The agent ({@code gen_ai.agent.name}). */
    public Teams agent(String agent) {
      return new Teams(operation, provider, model, agent);
    }
  }

  /** The stage after the agent. */
  public final class Teams {
    private final String operation;
    private final String provider;
    private final String model;
    private final String agent;

    private Teams(String operation, String provider, String model, String agent) {
      this.operation = operation;
      this.provider = provider;
      this.model = model;
      this.agent = agent;
    }

    /** The team the tokens and cost are charged to; empty when not attributed. */
    public Errors team(String team) {
      return new Errors(operation, provider, model, agent, team);
    }
  }

  /** The last stage. */
  public final class Errors {
    private final String operation;
    private final String provider;
    private final String model;
    private final String agent;
    private final String team;

    private Errors(String operation, String provider, String model, String agent, String team) {
      this.operation = operation;
      this.provider = provider;
      this.model = model;
      this.agent = agent;
      this.team = team;
    }

    /** The error's type ({@code error.type}); empty on success. */
    public CallMeters errorType(String errorType) {
      CallMeters kept =
          operation == null
                  || provider == null
                  || model == null
                  || agent == null
                  || team == null
                  || errorType == null
              ? null
              : leaves.get(operation, provider, model, agent, team, errorType);
      return kept != null ? kept : leaf(operation, provider, model, agent, team, errorType);
    }
  }

  /**
   * The meters of a label set not kept yet: new ones, kept while the budget lasts and every label's
   * policy allows its value.
   */
  private CallMeters leaf(
      String operation,
      String provider,
      String model,
      String agent,
      String team,
      String errorType) {
    CallMeters made = new CallMeters(families, operation, provider, model, agent, team, errorType);
    boolean allowed =
        Labels.OPERATION.policy().allows(operation)
            && Labels.PROVIDER.policy().allows(provider)
            && Labels.MODEL.policy().allows(model)
            && Labels.AGENT.policy().allows(agent)
            && Labels.TEAM.policy().allows(team)
            && Labels.ERROR_TYPE.policy().allows(errorType);
    if (!allowed || leavesLeft.decrementAndGet() < 0) {
      leavesLeft.incrementAndGet();
      return made;
    }
    leaves.put(new String[] {operation, provider, model, agent, team, errorType}, made);
    CallMeters kept = leaves.get(operation, provider, model, agent, team, errorType);
    return kept != null ? kept : made;
  }

  /**
   * The meters of one label set, each registered the first time it records (a kind of token never
   * reported has no series). Values are checked as every recording's: a negative or not finite one
   * is counted, not recorded.
   */
  public static final class CallMeters {

    /** The meters of a label set, each resolved when it first records. */
    private enum Slot {
      DURATION,
      FIRST_CHUNK,
      CHUNK_INTERVAL,
      INPUT_TOKENS,
      OUTPUT_TOKENS,
      CACHE_READ_TOKENS,
      CACHE_WRITE_TOKENS,
      REASONING_TOKENS,
      CALL_INPUT_TOKENS,
      CALL_OUTPUT_TOKENS,
      COST
    }

    private final Families f;
    private final String operation;
    private final String provider;
    private final String model;
    private final String agent;
    private final String team;
    private final String errorType;
    // Written racily: a meter's fields are final or thread-safe, and a slot read as null is
    // resolved again to the same meter (its family's index holds it).
    private final Object[] meters = new Object[Slot.values().length];
    // The model's price, looked up once: a Price, or NOT_LISTED.
    private volatile Object price;

    private CallMeters(
        Families f,
        String operation,
        String provider,
        String model,
        String agent,
        String team,
        String errorType) {
      this.f = f;
      this.operation = operation;
      this.provider = provider;
      this.model = model;
      this.agent = agent;
      this.team = team;
      this.errorType = errorType;
    }

    /** One call's inference duration. */
    public void duration(double seconds) {
      time(Slot.DURATION, f.durations, seconds);
    }

    /** One streamed call's time to its first chunk. */
    public void timeToFirstChunk(double seconds) {
      time(Slot.FIRST_CHUNK, f.firstChunks, seconds);
    }

    /** The time between two output chunks of a streamed call. */
    public void timePerOutputChunk(double seconds) {
      time(Slot.CHUNK_INTERVAL, f.chunkIntervals, seconds);
    }

    /** Input tokens, cached ones included; 0 is "not reported". */
    public void inputTokens(long tokens) {
      count(Slot.INPUT_TOKENS, f.inputTokens, tokens);
    }

    /** Output tokens, reasoning ones included; 0 is "not reported". */
    public void outputTokens(long tokens) {
      count(Slot.OUTPUT_TOKENS, f.outputTokens, tokens);
    }

    /** Input tokens read from the provider's cache; 0 is "not reported". */
    public void cacheReadTokens(long tokens) {
      count(Slot.CACHE_READ_TOKENS, f.cacheReadTokens, tokens);
    }

    /** Input tokens written to the provider's cache; 0 is "not reported". */
    public void cacheWriteTokens(long tokens) {
      count(Slot.CACHE_WRITE_TOKENS, f.cacheWriteTokens, tokens);
    }

    /** Output tokens spent on reasoning; 0 is "not reported". */
    public void reasoningTokens(long tokens) {
      count(Slot.REASONING_TOKENS, f.reasoningTokens, tokens);
    }

    /** One call's input tokens, for the tokens-per-call histogram; 0 is "not reported". */
    public void inputTokensPerCall(double tokens) {
      observe(Slot.CALL_INPUT_TOKENS, f.callInputTokens, tokens);
    }

    /** One call's output tokens, for the tokens-per-call histogram; 0 is "not reported". */
    public void outputTokensPerCall(double tokens) {
      observe(Slot.CALL_OUTPUT_TOKENS, f.callOutputTokens, tokens);
    }

    /** Cost in US dollars, charged to the agent and team; returns it, or NaN when refused. */
    public double costUsd(double usd) {
      if (f.values.accepts(f.costs.metric(), usd)) {
        ((Counter) meter(Slot.COST)).increment(usd);
        return usd;
      }
      return Double.NaN;
    }

    /** Tokens saved by the provider's cache ({@code mechanism="caching"}). */
    void savedByCaching(long tokens) {
      saved(SavingMechanism.CACHING, tokens);
    }

    /** Tokens saved by prompt compression. */
    void savedByCompression(long tokens) {
      saved(SavingMechanism.COMPRESSION, tokens);
    }

    /** Tokens saved by routing to a smaller model. */
    void savedByRouting(long tokens) {
      saved(SavingMechanism.ROUTING, tokens);
    }

    /**
     * Prices tokens with the recorder's price table (cached input tokens, a part of the input, at
     * the cached price); tokens of a model it does not list count {@code calls} unknown-model
     * calls. Returns the cost, NaN when there is none.
     */
    double priceTokens(long inputTokens, long outputTokens, long cachedTokens, long calls) {
      long input = Math.max(0, inputTokens);
      long output = Math.max(0, outputTokens);
      if (input == 0 && output == 0) {
        return Double.NaN;
      }
      Object known = price;
      if (known == null) {
        known = f.prices.priceOf(provider, model).<Object>map(p -> p).orElse(NOT_LISTED);
        price = known;
      }
      if (known instanceof PriceTable.Price listed) {
        return costUsd(PriceTable.costUsdOrNaN(listed, input, output, Math.max(0, cachedTokens)));
      }
      f.unknownModels.provider(provider).model(model).increment(Math.max(1, calls));
      return Double.NaN;
    }

    private void time(Slot slot, MeterFamily<Timer> family, double seconds) {
      if (f.values.accepts(family.metric(), seconds)) {
        ((Timer) meter(slot)).record(nanos(seconds), TimeUnit.NANOSECONDS);
      }
    }

    private void count(Slot slot, MeterFamily<Counter> family, long tokens) {
      if (tokens != 0 && f.values.accepts(family.metric(), tokens)) {
        ((Counter) meter(slot)).increment(tokens);
      }
    }

    private void observe(Slot slot, MeterFamily<DistributionSummary> family, double value) {
      if (value != 0 && f.values.accepts(family.metric(), value)) {
        ((DistributionSummary) meter(slot)).record(value);
      }
    }

    private void saved(SavingMechanism mechanism, long tokens) {
      if (tokens != 0 && f.values.accepts(f.saved.metric(), tokens)) {
        f.saved.get(provider, model, mechanism.label()).increment(tokens);
      }
    }

    /** The slot's meter, resolved through its family the first time (a race resolves it twice). */
    private Object meter(Slot slot) {
      Object meter = meters[slot.ordinal()];
      if (meter == null) {
        meter = resolve(slot);
        meters[slot.ordinal()] = meter;
      }
      return meter;
    }

    private Object resolve(Slot slot) {
      return switch (slot) {
        case DURATION -> f.durations.get(operation, provider, model, errorType);
        case FIRST_CHUNK -> f.firstChunks.get(operation, provider, model);
        case CHUNK_INTERVAL -> f.chunkIntervals.get(operation, provider, model);
        case INPUT_TOKENS -> tokenCounter(f.inputTokens);
        case OUTPUT_TOKENS -> tokenCounter(f.outputTokens);
        case CACHE_READ_TOKENS -> tokenCounter(f.cacheReadTokens);
        case CACHE_WRITE_TOKENS -> tokenCounter(f.cacheWriteTokens);
        case REASONING_TOKENS -> tokenCounter(f.reasoningTokens);
        case CALL_INPUT_TOKENS -> f.callInputTokens.get(operation, provider, model);
        case CALL_OUTPUT_TOKENS -> f.callOutputTokens.get(operation, provider, model);
        case COST -> f.costs.get(provider, model, agent, team);
      };
    }

    private Counter tokenCounter(MeterFamily<Counter> family) {
      return family.get(operation, provider, model, Labels.UNKNOWN_MODALITY, agent, team);
    }
  }

  private static final Object NOT_LISTED = new Object();

  /** Seconds as the nanoseconds a timer records. */
  static long nanos(double seconds) {
    return Math.round(seconds * 1e9);
  }

  /** The catalogue families of the LLM call metrics, and the value check. */
  static final class Families {
    final ValueCheck values;
    final PriceTable prices;
    final MeterFamily<Timer> durations;
    final MeterFamily<Timer> firstChunks;
    final MeterFamily<Timer> chunkIntervals;
    final MeterFamily<Counter> inputTokens;
    final MeterFamily<Counter> outputTokens;
    final MeterFamily<Counter> cacheReadTokens;
    final MeterFamily<Counter> cacheWriteTokens;
    final MeterFamily<Counter> reasoningTokens;
    final MeterFamily<DistributionSummary> callInputTokens;
    final MeterFamily<DistributionSummary> callOutputTokens;
    final MeterFamily<Counter> saved;
    final MeterFamily<Counter> costs;
    final MetricHandles.CostUnknownModel<Counter> unknownModels;

    Families(Meters meters, ValueCheck values, PriceTable prices) {
      this.values = values;
      this.prices = prices;
      this.durations = meters.timers(MetricCatalogue.LLM_INFERENCE_DURATION);
      this.firstChunks = meters.timers(MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK);
      this.chunkIntervals = meters.timers(MetricCatalogue.LLM_TIME_PER_OUTPUT_CHUNK);
      this.inputTokens = meters.counters(MetricCatalogue.LLM_INPUT_TOKENS);
      this.outputTokens = meters.counters(MetricCatalogue.LLM_OUTPUT_TOKENS);
      this.cacheReadTokens = meters.counters(MetricCatalogue.LLM_CACHE_READ_TOKENS);
      this.cacheWriteTokens = meters.counters(MetricCatalogue.LLM_CACHE_WRITE_TOKENS);
      this.reasoningTokens = meters.counters(MetricCatalogue.LLM_REASONING_TOKENS);
      this.callInputTokens = meters.summaries(MetricCatalogue.LLM_CALL_INPUT_TOKENS);
      this.callOutputTokens = meters.summaries(MetricCatalogue.LLM_CALL_OUTPUT_TOKENS);
      this.saved = meters.counters(MetricCatalogue.TOKENS_SAVED);
      this.costs = meters.counters(MetricCatalogue.COST);
      this.unknownModels =
          new MetricHandles.CostUnknownModel<>(meters.counters(MetricCatalogue.COST_UNKNOWN_MODEL));
    }
  }
}
