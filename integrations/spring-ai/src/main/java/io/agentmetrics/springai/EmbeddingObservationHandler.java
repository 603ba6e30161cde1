package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.core.IntegrationGuard;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

/**
 * An embedding call ({@code EmbeddingModelObservationContext}) as an {@link LlmCall} with operation
 * {@code embeddings}: duration, provider, model and the input tokens of the response's usage.
 */
final class EmbeddingObservationHandler extends TimedHandler<EmbeddingModelObservationContext> {

  EmbeddingObservationHandler(
      AgentMetrics metrics, Attribution attribution, IntegrationGuard failures) {
    super(metrics, attribution, failures, EmbeddingModelObservationContext.class, "embedding");
  }

  @Override
  void record(EmbeddingModelObservationContext context, long startNanos, double seconds) {
    EmbeddingResponse response = context.getResponse();
    String model =
        context.getRequest() != null
                && context.getRequest().getOptions() != null
                && context.getRequest().getOptions().getModel() != null
            ? context.getRequest().getOptions().getModel()
            : "unknown";
    LlmCall.Builder call =
        LlmCall.builder(ProviderNames.of(context.getOperationMetadata().provider()), model)
            .operation("embeddings")
            .agent(attribution.agent())
            .team(attribution.team())
            .durationSeconds(seconds);
    if (response != null
        && response.getMetadata() != null
        && response.getMetadata().getUsage() != null) {
      call.tokens(
          ChatObservationHandler.orZero(response.getMetadata().getUsage().getPromptTokens()), 0);
    }
    if (context.getError() != null) {
      call.errorType(ErrorTypes.of(context.getError()));
    }
    metrics.llmCall(call.build());
  }
}
