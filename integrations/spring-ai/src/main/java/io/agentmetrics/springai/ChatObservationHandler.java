package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.core.IntegrationGuard;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * A chat model call ({@code ChatModelObservationContext}, plain or streamed) as an {@link LlmCall}:
 * duration, provider, requested model (else the response's), input, output, cache-read and
 * cache-write tokens from the response's usage, and the exception's class on failure.
 */
final class ChatObservationHandler extends TimedHandler<ChatModelObservationContext> {

  ChatObservationHandler(AgentMetrics metrics, Attribution attribution, IntegrationGuard failures) {
    super(metrics, attribution, failures, ChatModelObservationContext.class, "chat model");
  }

  @Override
  void record(ChatModelObservationContext context, double seconds) {
    ChatResponse response = context.getResponse();
    LlmCall.Builder call =
        LlmCall.builder(
                ProviderNames.of(context.getOperationMetadata().provider()),
                model(context, response))
            .operation(OperationNames.of(context.getOperationMetadata().operationType()))
            .agent(attribution.agent())
            .team(attribution.team())
            .durationSeconds(seconds);
    Usage usage =
        response == null || response.getMetadata() == null
            ? null
            : response.getMetadata().getUsage();
    if (usage != null) {
      call.tokens(orZero(usage.getPromptTokens()), orZero(usage.getCompletionTokens()));
      call.cachedTokens(orZero(usage.getCacheReadInputTokens()));
      call.cacheWriteTokens(orZero(usage.getCacheWriteInputTokens()));
    }
    if (context.getError() != null) {
      call.errorType(ErrorTypes.of(context.getError()));
    }
    metrics.llmCall(call.build());
  }

  private static String model(ChatModelObservationContext context, ChatResponse response) {
    ChatOptions options = context.getRequest() == null ? null : context.getRequest().getOptions();
    if (options != null && options.getModel() != null) {
      return options.getModel();
    }
    if (response != null && response.getMetadata() != null) {
      String model = response.getMetadata().getModel();
      if (model != null && !model.isEmpty()) {
        return model;
      }
    }
    return "unknown";
  }

  static long orZero(Number value) {
    return value == null ? 0 : Math.max(0, value.longValue());
  }
}
