package io.agentmetrics.langchain4j;

import dev.langchain4j.guardrail.GuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.observability.api.event.GuardrailExecutedEvent;
import dev.langchain4j.observability.api.event.InputGuardrailExecutedEvent;
import dev.langchain4j.observability.api.event.OutputGuardrailExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.InputGuardrailExecutedListener;
import dev.langchain4j.observability.api.listener.OutputGuardrailExecutedListener;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.GuardrailOutcome;
import io.agentmetrics.api.GuardrailStage;
import io.agentmetrics.core.IntegrationGuard;
import java.util.List;

/**
 * Records each run of an AI service's input and output guardrails (LangChain4j fires one event per
 * guardrail and attempt) as a guardrail check: the guardrail's name, the stage, and the outcome,
 * reprompts and retries told apart from plain failures.
 */
final class GuardrailRecorder {

  private final AgentMetrics metrics;
  private final String agent;
  private final IntegrationGuard failures;

  GuardrailRecorder(AgentMetrics metrics, String agent, IntegrationGuard failures) {
    this.metrics = metrics;
    this.agent = agent;
    this.failures = failures;
  }

  /** The two listeners, for {@code AiServices.builder(..).registerListeners(..)}. */
  List<AiServiceListener<?>> listeners() {
    InputGuardrailExecutedListener input = this::onInput;
    OutputGuardrailExecutedListener output = this::onOutput;
    return List.of(input, output);
  }

  private void onInput(InputGuardrailExecutedEvent event) {
    record(event, GuardrailStage.INPUT);
  }

  private void onOutput(OutputGuardrailExecutedEvent event) {
    record(event, GuardrailStage.OUTPUT);
  }

  private void record(GuardrailExecutedEvent<?, ?, ?> event, GuardrailStage stage) {
    failures.guard(
        "guardrail",
        () ->
            metrics.guardrailChecked(agent, event.guardrailName(), stage, outcome(event.result())));
  }

  static GuardrailOutcome outcome(GuardrailResult<?> result) {
    if (result instanceof OutputGuardrailResult output && !output.isSuccess()) {
      if (output.isReprompt()) {
        return GuardrailOutcome.REPROMPTED;
      }
      if (output.isRetry()) {
        return GuardrailOutcome.RETRIED;
      }
    }
    return switch (result.result()) {
      case SUCCESS -> GuardrailOutcome.PASSED;
      case SUCCESS_WITH_RESULT -> GuardrailOutcome.REWRITTEN;
      case FAILURE -> GuardrailOutcome.FAILED;
      case FATAL -> GuardrailOutcome.FATAL;
    };
  }
}
