package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.LlmCall;
import java.util.function.Consumer;

/** {@code llm_call}: a finished LLM call (kind {@code call}) or the LLM budget ({@code budget}). */
final class LlmCallEvent extends EventType {

  /** Most chunk intervals one streamed call may report. */
  static final int MAX_CHUNK_INTERVALS = 10_000;

  LlmCallEvent() {
    super(IngestEventType.LLM_CALL);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    if (kind.equals("budget")) {
      BudgetPeriod period = f.choice("period", Labels.BUDGET_PERIOD, BudgetPeriod::fromLabel);
      double usd = f.number("limit_usd");
      String team = f.label("team", Labels.TEAM, Labels.NO_TEAM);
      return metrics -> metrics.budget(period, team, usd);
    }
    LlmCall.Builder call =
        LlmCall.builder(f.label("provider", Labels.PROVIDER), f.label("model", Labels.MODEL))
            .operation(f.label("operation", Labels.OPERATION, "chat"))
            .agent(f.label("agent", Labels.AGENT, Labels.UNKNOWN_AGENT))
            .team(f.label("team", Labels.TEAM, Labels.NO_TEAM))
            .durationSeconds(f.number("duration_seconds"))
            .timeToFirstChunkSeconds(f.optionalNumber("time_to_first_chunk_seconds"))
            .chunkIntervalsSeconds(
                f.optionalNumbers("chunk_intervals_seconds", MAX_CHUNK_INTERVALS))
            .errorType(f.label("error_type", Labels.ERROR_TYPE, null))
            .reportedCostUsd(f.optionalNumber("cost_usd"));
    long input = f.optionalCount("input_tokens");
    long output = f.optionalCount("output_tokens");
    long cached = f.optionalCount("cached_tokens");
    long cacheWrite = f.optionalCount("cache_write_tokens");
    long reasoning = f.optionalCount("reasoning_tokens");
    if (cached > input) {
      throw EventFields.invalid("cached_tokens", "must not exceed input_tokens");
    }
    if (cacheWrite > input - cached) {
      throw EventFields.invalid(
          "cache_write_tokens", "must not exceed input_tokens minus cached_tokens");
    }
    if (reasoning > output) {
      throw EventFields.invalid("reasoning_tokens", "must not exceed output_tokens");
    }
    String workflow = f.label("workflow", Labels.WORKFLOW, null);
    String step = f.label("workflow_step", Labels.WORKFLOW_STEP, null);
    if ((workflow == null) != (step == null)) {
      throw workflow == null
          ? EventFields.invalid("workflow", "is required with workflow_step")
          : EventFields.invalid("workflow_step", "is required with workflow");
    }
    LlmCall built =
        call.workflowStep(workflow, step)
            .tokens(input, output)
            .cachedTokens(cached)
            .cacheWriteTokens(cacheWrite)
            .reasoningTokens(reasoning)
            .tokensSavedByCompression(f.optionalCount("tokens_saved_by_compression"))
            .tokensSavedByRouting(f.optionalCount("tokens_saved_by_routing"))
            .build();
    return metrics -> metrics.llmCall(built);
  }
}
