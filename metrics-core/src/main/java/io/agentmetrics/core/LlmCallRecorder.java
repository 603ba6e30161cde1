package io.agentmetrics.core;

import io.agentmetrics.api.Labels;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.MetricCatalogue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Records one {@link LlmCall}: inference duration, time to first chunk and per output chunk, token
 * usage (one counter per kind, as the GenAI conventions define them: cache reads and writes are
 * parts of the input, reasoning a part of the output, so no sum over them can count a token twice),
 * tokens per call, cost and token savings; and the token counts of calls that arrive already summed
 * ({@link TokenUsage}), through the same counters, prices and guards. Token kinds with a count of 0
 * are not counted (0 means "not reported"); a negative count is rejected.
 */
final class LlmCallRecorder {

  private final ValueCheck values;
  private final PriceTable prices;
  private final MeterFamily<Timer> durations;
  private final MeterFamily<Timer> firstChunks;
  private final MeterFamily<Timer> chunkIntervals;
  private final MeterFamily<Counter> inputTokens;
  private final MeterFamily<Counter> outputTokens;
  private final MeterFamily<Counter> cacheReadTokens;
  private final MeterFamily<Counter> cacheWriteTokens;
  private final MeterFamily<Counter> reasoningTokens;
  private final MeterFamily<DistributionSummary> callInputTokens;
  private final MeterFamily<DistributionSummary> callOutputTokens;
  private final MeterFamily<Counter> saved;
  private final MeterFamily<Counter> costs;
  private final MeterFamily<Counter> unknownModels;

  LlmCallRecorder(Meters meters, ValueCheck values, PriceTable prices) {
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
    this.unknownModels = meters.counters(MetricCatalogue.COST_UNKNOWN_MODEL);
  }

  void record(LlmCall call) {
    String provider = call.provider();
    String model = call.model();
    String operation = call.operation();
    String errorType = call.errorType() == null ? Labels.NO_ERROR : call.errorType();

    if (values.accepts(durations.metric(), call.durationSeconds())) {
      durations
          .get(operation, provider, model, errorType)
          .record(nanos(call.durationSeconds()), TimeUnit.NANOSECONDS);
    }
    double firstChunk = call.timeToFirstChunkSeconds();
    if (!Double.isNaN(firstChunk) && values.accepts(firstChunks.metric(), firstChunk)) {
      firstChunks.get(operation, provider, model).record(nanos(firstChunk), TimeUnit.NANOSECONDS);
    }
    double[] intervals = call.chunkIntervalsSeconds();
    if (intervals != null && intervals.length > 0) {
      Timer timer = chunkIntervals.get(operation, provider, model);
      for (double interval : intervals) {
        if (values.accepts(chunkIntervals.metric(), interval)) {
          timer.record(nanos(interval), TimeUnit.NANOSECONDS);
        }
      }
    }
    String agent = call.agent();
    String team = call.team();
    countTokens(
        operation,
        provider,
        model,
        agent,
        team,
        call.inputTokens(),
        call.outputTokens(),
        call.cachedTokens(),
        call.cacheWriteTokens(),
        call.reasoningTokens());
    perCall(callInputTokens, operation, provider, model, call.inputTokens());
    perCall(callOutputTokens, operation, provider, model, call.outputTokens());
    recordSaved(provider, model, "caching", call.cachedTokens());
    recordSaved(provider, model, "compression", call.tokensSavedByCompression());
    recordSaved(provider, model, "routing", call.tokensSavedByRouting());
    double reported = call.reportedCostUsd();
    if (!Double.isNaN(reported) && values.accepts(costs.metric(), reported)) {
      costs.get(provider, model, agent, team).increment(reported);
    } else {
      recordPricedCost(
          provider,
          model,
          agent,
          team,
          call.inputTokens(),
          call.outputTokens(),
          call.cachedTokens(),
          1);
    }
  }

  /**
   * Records token counts that arrive summed over calls: the same token counters, savings, cost
   * (cached tokens at the cached price) and unknown-model count as {@link #record(LlmCall)}.
   */
  void record(TokenUsage usage) {
    countTokens(
        usage.operation(),
        usage.provider(),
        usage.model(),
        usage.agent(),
        usage.team(),
        usage.inputTokens(),
        usage.outputTokens(),
        usage.cacheReadTokens(),
        usage.cacheWriteTokens(),
        usage.reasoningTokens());
    recordSaved(usage.provider(), usage.model(), "caching", usage.cacheReadTokens());
    recordPricedCost(
        usage.provider(),
        usage.model(),
        usage.agent(),
        usage.team(),
        usage.inputTokens(),
        usage.outputTokens(),
        usage.cacheReadTokens(),
        usage.calls());
  }

  private void countTokens(
      String operation,
      String provider,
      String model,
      String agent,
      String team,
      long input,
      long output,
      long cacheRead,
      long cacheWrite,
      long reasoning) {
    count(inputTokens, operation, provider, model, agent, team, input);
    count(outputTokens, operation, provider, model, agent, team, output);
    count(cacheReadTokens, operation, provider, model, agent, team, cacheRead);
    count(cacheWriteTokens, operation, provider, model, agent, team, cacheWrite);
    count(reasoningTokens, operation, provider, model, agent, team, reasoning);
  }

  private void count(
      MeterFamily<Counter> tokens,
      String operation,
      String provider,
      String model,
      String agent,
      String team,
      long count) {
    if (count != 0 && values.accepts(tokens.metric(), count)) {
      tokens.get(operation, provider, model, Labels.UNKNOWN_MODALITY, agent, team).increment(count);
    }
  }

  private void perCall(
      MeterFamily<DistributionSummary> tokens,
      String operation,
      String provider,
      String model,
      long count) {
    if (count != 0 && values.accepts(tokens.metric(), count)) {
      tokens.get(operation, provider, model).record(count);
    }
  }

  private void recordSaved(String provider, String model, String mechanism, long count) {
    if (count != 0 && values.accepts(saved.metric(), count)) {
      saved.get(provider, model, mechanism).increment(count);
    }
  }

  /**
   * Prices the tokens with the price table; tokens of a model it has no price for count {@code
   * calls} unknown-model calls.
   */
  private void recordPricedCost(
      String provider,
      String model,
      String agent,
      String team,
      long inputTokens,
      long outputTokens,
      long cachedTokens,
      long calls) {
    long input = Math.max(0, inputTokens);
    long output = Math.max(0, outputTokens);
    long cached = Math.max(0, cachedTokens);
    if (input == 0 && output == 0) {
      return;
    }
    double cost = prices.costUsdOrNaN(provider, model, input, output, cached);
    if (!Double.isNaN(cost)) {
      costs.get(provider, model, agent, team).increment(cost);
    } else {
      unknownModels.get(provider, model).increment(Math.max(1, calls));
    }
  }

  static long nanos(double seconds) {
    return Math.round(seconds * 1e9);
  }
}
