package io.agentmetrics.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.core.IntegrationGuard;
import java.util.Map;

/**
 * A chat model call as an {@link LlmCall}: duration measured by the facade's ticker from {@code
 * onRequest} to {@code onResponse} or {@code onError}, provider, requested model (else the
 * response's), input and output tokens, and for OpenAI's models the cached and reasoning ones; a
 * call made in a workflow step is counted under the step too.
 */
final class ChatListener implements ChatModelListener {

  private static final String START = ChatListener.class.getName() + ".start";
  private static final String STEP = ChatListener.class.getName() + ".step";

  private final AgentMetrics metrics;
  private final String agent;
  private final String team;
  private final IntegrationGuard failures;
  private final WorkflowSteps steps;

  ChatListener(
      AgentMetrics metrics,
      String agent,
      String team,
      IntegrationGuard failures,
      WorkflowSteps steps) {
    this.metrics = metrics;
    this.agent = agent;
    this.team = team;
    this.failures = failures;
    this.steps = steps;
  }

  @Override
  public void onRequest(ChatModelRequestContext context) {
    failures.guard(
        "chat request",
        () -> {
          context.attributes().put(START, metrics.ticker().nanos());
          WorkflowSteps.Step step = steps.current();
          if (step != null) {
            context.attributes().put(STEP, step);
          }
        });
  }

  @Override
  public void onResponse(ChatModelResponseContext context) {
    failures.guard(
        "chat response",
        () -> {
          ChatResponse response = context.chatResponse();
          LlmCall.Builder call =
              call(context.attributes(), context.modelProvider(), context.chatRequest(), response);
          if (call == null) {
            return;
          }
          TokenUsage usage = response == null ? null : response.tokenUsage();
          if (usage != null) {
            call.tokens(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
            OpenAiUsage.details(usage, call);
          }
          metrics.llmCall(call.build());
        });
  }

  @Override
  public void onError(ChatModelErrorContext context) {
    failures.guard(
        "chat error",
        () -> {
          LlmCall.Builder call =
              call(context.attributes(), context.modelProvider(), context.chatRequest(), null);
          if (call != null) {
            metrics.llmCall(call.errorType(LangChain4jBridge.errorType(context.error())).build());
          }
        });
  }

  private LlmCall.Builder call(
      Map<Object, Object> attributes,
      ModelProvider provider,
      ChatRequest request,
      ChatResponse response) {
    Object start = attributes.get(START);
    if (!(start instanceof Long startNanos)) {
      return null;
    }
    LlmCall.Builder call =
        LlmCall.builder(ProviderNames.of(provider), model(request, response))
            .agent(agent)
            .team(team)
            .durationSeconds(metrics.ticker().secondsSince(startNanos));
    // The workflow step whose thread made the request (the response may come on another).
    return attributes.get(STEP) instanceof WorkflowSteps.Step step
        ? call.workflowStep(step.workflow(), step.step())
        : call;
  }

  private static String model(ChatRequest request, ChatResponse response) {
    if (request != null && request.modelName() != null) {
      return request.modelName();
    }
    if (response != null && response.modelName() != null) {
      return response.modelName();
    }
    return "unknown";
  }

  static long orZero(Integer value) {
    return value == null ? 0 : Math.max(0, value);
  }
}
