package io.agentmetrics.core;

import io.agentmetrics.api.Labels;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.MetricCatalogue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Records one {@link LlmCall}: operation duration, time to first chunk, token usage by type, cost
 * and token savings. Token types with a count of 0 are not recorded (0 means "not reported"); a
 * negative count is rejected.
 */
final class LlmCallRecorder {

  private final SelfMetrics self;
  private final PriceTable prices;
  private final MeterFamily<Timer> durations;
  private final MeterFamily<Timer> firstChunks;
  private final MeterFamily<DistributionSummary> tokens;
  private final MeterFamily<Counter> saved;
  private final MeterFamily<Counter> costs;
  private final MeterFamily<Counter> unknownModels;

  LlmCallRecorder(Meters meters, SelfMetrics self, PriceTable prices) {
    this.self = self;
    this.prices = prices;
    this.durations = meters.timers(MetricCatalogue.LLM_OPERATION_DURATION);
    this.firstChunks = meters.timers(MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK);
    this.tokens = meters.summaries(MetricCatalogue.LLM_TOKEN_USAGE);
    this.saved = meters.counters(MetricCatalogue.TOKENS_SAVED);
    this.costs = meters.counters(MetricCatalogue.COST);
    this.unknownModels = meters.counters(MetricCatalogue.COST_UNKNOWN_MODEL);
  }

  void record(LlmCall call) {
    String provider = call.provider();
    String model = call.model();
    String operation = call.operation();
    String errorType = call.errorType() == null ? Labels.NO_ERROR : call.errorType();
    String outcome = call.errorType() == null ? "success" : "error";

    if (self.accepts(durations.metric(), call.durationSeconds())) {
      durations
          .get(operation, provider, model, outcome, errorType)
          .record(nanos(call.durationSeconds()), TimeUnit.NANOSECONDS);
    }
    double firstChunk = call.timeToFirstChunkSeconds();
    if (!Double.isNaN(firstChunk) && self.accepts(firstChunks.metric(), firstChunk)) {
      firstChunks.get(operation, provider, model).record(nanos(firstChunk), TimeUnit.NANOSECONDS);
    }
    String agent = call.agent();
    recordTokens(operation, provider, model, agent, "input", call.inputTokens());
    recordTokens(operation, provider, model, agent, "output", call.outputTokens());
    recordTokens(operation, provider, model, agent, "cached", call.cachedTokens());
    recordTokens(operation, provider, model, agent, "reasoning", call.reasoningTokens());
    recordSaved(provider, model, "caching", call.cachedTokens());
    recordSaved(provider, model, "compression", call.tokensSavedByCompression());
    recordSaved(provider, model, "routing", call.tokensSavedByRouting());
    recordCost(call);
  }

  private void recordTokens(
      String operation, String provider, String model, String agent, String type, long count) {
    if (count != 0 && self.accepts(tokens.metric(), count)) {
      tokens.get(operation, provider, model, type, agent).record(count);
    }
  }

  private void recordSaved(String provider, String model, String mechanism, long count) {
    if (count != 0 && self.accepts(saved.metric(), count)) {
      saved.get(provider, model, mechanism).increment(count);
    }
  }

  /**
   * The reported cost wins when it is a valid number; otherwise the price table prices the tokens.
   * A call with tokens but no price counts as an unknown model.
   */
  private void recordCost(LlmCall call) {
    double reported = call.reportedCostUsd();
    if (!Double.isNaN(reported) && self.accepts(costs.metric(), reported)) {
      costs.get(call.provider(), call.model(), call.agent()).increment(reported);
      return;
    }
    long input = Math.max(0, call.inputTokens());
    long output = Math.max(0, call.outputTokens());
    long cached = Math.max(0, call.cachedTokens());
    if (input == 0 && output == 0) {
      return;
    }
    double cost = prices.costUsdOrNaN(call.provider(), call.model(), input, output, cached);
    if (!Double.isNaN(cost)) {
      costs.get(call.provider(), call.model(), call.agent()).increment(cost);
    } else {
      unknownModels.get(call.provider(), call.model()).increment();
    }
  }

  static long nanos(double seconds) {
    return Math.round(seconds * 1e9);
  }
}
