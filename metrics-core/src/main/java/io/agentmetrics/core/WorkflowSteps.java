package io.agentmetrics.core;

import static io.agentmetrics.api.MetricCatalogue.WORKFLOW_STEP_COST;
import static io.agentmetrics.api.MetricCatalogue.WORKFLOW_STEP_INPUT_TOKENS;
import static io.agentmetrics.api.MetricCatalogue.WORKFLOW_STEP_OUTPUT_TOKENS;

import io.agentmetrics.api.LlmCall;
import io.micrometer.core.instrument.Counter;

/**
 * The tokens and cost of the LLM calls made in workflow steps, by workflow and step, beside the
 * calls' own token and cost counters (so a dashboard can split a workflow's spend by step).
 */
final class WorkflowSteps {

  private final MetricHandles.WorkflowStepInputTokens<Counter> inputTokens;
  private final MetricHandles.WorkflowStepOutputTokens<Counter> outputTokens;
  private final MetricHandles.WorkflowStepCost<Counter> cost;

  WorkflowSteps(Meters meters) {
    this.inputTokens =
        new MetricHandles.WorkflowStepInputTokens<>(meters.counters(WORKFLOW_STEP_INPUT_TOKENS));
    this.outputTokens =
        new MetricHandles.WorkflowStepOutputTokens<>(meters.counters(WORKFLOW_STEP_OUTPUT_TOKENS));
    this.cost = new MetricHandles.WorkflowStepCost<>(meters.counters(WORKFLOW_STEP_COST));
  }

  /** Counts {@code call}'s tokens and {@code usd} (NaN: no cost) under its workflow step. */
  void llmCall(LlmCall call, double usd) {
    if (call.inputTokens() > 0) {
      inputTokens
          .workflow(call.workflow())
          .workflowStep(call.workflowStep())
          .increment(call.inputTokens());
    }
    if (call.outputTokens() > 0) {
      outputTokens
          .workflow(call.workflow())
          .workflowStep(call.workflowStep())
          .increment(call.outputTokens());
    }
    if (usd > 0) {
      cost.workflow(call.workflow()).workflowStep(call.workflowStep()).increment(usd);
    }
  }
}
