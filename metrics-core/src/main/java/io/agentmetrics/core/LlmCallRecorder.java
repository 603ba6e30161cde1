package io.agentmetrics.core;

import io.agentmetrics.api.Labels;
import io.agentmetrics.api.LlmCall;

/**
 * Records one {@link LlmCall}: inference duration, time to first chunk and per output chunk, token
 * usage (one counter per kind, as the GenAI conventions define them: cache reads and writes are
 * parts of the input, reasoning a part of the output, so no sum over them can count a token twice),
 * tokens per call, cost and token savings; and the token counts of calls that arrive already summed
 * ({@link TokenUsage}), through the same meters, prices and guards. The meters of a call's label
 * set are resolved once, through {@link LlmSeries}. Token kinds with a count of 0 are not counted
 * (0 means "not reported"); a negative count is rejected. A call made in a workflow step is also
 * counted by step ({@link WorkflowSteps}).
 */
final class LlmCallRecorder {

  private final ValueCheck values;
  private final LlmSeries series;
  private final WorkflowSteps steps;

  LlmCallRecorder(LlmSeries series, ValueCheck values, WorkflowSteps steps) {
    this.series = series;
    this.values = values;
    this.steps = steps;
  }

  void record(LlmCall call) {
    LlmSeries.CallMeters meters =
        series
            .operation(call.operation())
            .provider(call.provider())
            .model(call.model())
            .agent(call.agent())
            .team(call.team())
            .errorType(call.errorType() == null ? Labels.NO_ERROR : call.errorType());
    meters.duration(call.durationSeconds());
    double firstChunk = call.timeToFirstChunkSeconds();
    if (!Double.isNaN(firstChunk)) {
      meters.timeToFirstChunk(firstChunk);
    }
    double[] intervals = call.chunkIntervalsSeconds();
    if (intervals != null) {
      for (double interval : intervals) {
        meters.timePerOutputChunk(interval);
      }
    }
    meters.inputTokens(call.inputTokens());
    meters.outputTokens(call.outputTokens());
    meters.cacheReadTokens(call.cachedTokens());
    meters.cacheWriteTokens(call.cacheWriteTokens());
    meters.reasoningTokens(call.reasoningTokens());
    meters.inputTokensPerCall(call.inputTokens());
    meters.outputTokensPerCall(call.outputTokens());
    meters.savedByCaching(call.cachedTokens());
    meters.savedByCompression(call.tokensSavedByCompression());
    meters.savedByRouting(call.tokensSavedByRouting());
    double reported = call.reportedCostUsd();
    double cost =
        !Double.isNaN(reported) && values.accepts(series.costMetric(), reported)
            ? meters.costUsd(reported)
            : meters.priceTokens(call.inputTokens(), call.outputTokens(), call.cachedTokens(), 1);
    if (call.workflow() != null && call.workflowStep() != null) {
      steps.llmCall(call, cost);
    }
  }

  /**
   * Records token counts that arrive summed over calls: the same token counters, savings, cost
   * (cached tokens at the cached price) and unknown-model count as {@link #record(LlmCall)}.
   */
  void record(TokenUsage usage) {
    LlmSeries.CallMeters meters =
        series
            .operation(usage.operation())
            .provider(usage.provider())
            .model(usage.model())
            .agent(usage.agent())
            .team(usage.team())
            .errorType(Labels.NO_ERROR);
    meters.inputTokens(usage.inputTokens());
    meters.outputTokens(usage.outputTokens());
    meters.cacheReadTokens(usage.cacheReadTokens());
    meters.cacheWriteTokens(usage.cacheWriteTokens());
    meters.reasoningTokens(usage.reasoningTokens());
    meters.savedByCaching(usage.cacheReadTokens());
    meters.priceTokens(
        usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(), usage.calls());
  }
}
