package io.agentmetrics.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.output.TokenUsage;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.core.IntegrationGuard;
import java.util.Map;

/**
 * An embedding model call as an {@link LlmCall} of operation {@code embeddings}: duration from
 * {@code onRequest} to {@code onResponse} or {@code onError} by the facade's ticker, provider,
 * model (the request's, else the model's), and the input tokens the provider reported.
 */
final class EmbeddingListener implements EmbeddingModelListener {

  static final String EMBEDDINGS = "embeddings";
  private static final String START = EmbeddingListener.class.getName() + ".start";

  private final AgentMetrics metrics;
  private final String agent;
  private final String team;
  private final IntegrationGuard failures;

  EmbeddingListener(AgentMetrics metrics, String agent, String team, IntegrationGuard failures) {
    this.metrics = metrics;
    this.agent = agent;
    this.team = team;
    this.failures = failures;
  }

  @Override
  public void onRequest(EmbeddingModelRequestContext context) {
    failures.guard(
        "embedding request", () -> context.attributes().put(START, metrics.ticker().nanos()));
  }

  @Override
  public void onResponse(EmbeddingModelResponseContext context) {
    failures.guard(
        "embedding response",
        () -> {
          LlmCall.Builder call =
              call(
                  context.attributes(),
                  context.modelProvider(),
                  context.embeddingRequest(),
                  context.embeddingModel());
          if (call == null) {
            return;
          }
          TokenUsage usage = context.response() == null ? null : context.response().tokenUsage();
          if (usage != null) {
            call.tokens(ChatListener.orZero(usage.inputTokenCount()), 0);
          }
          metrics.llmCall(call.build());
        });
  }

  @Override
  public void onError(EmbeddingModelErrorContext context) {
    failures.guard(
        "embedding error",
        () -> {
          LlmCall.Builder call =
              call(
                  context.attributes(),
                  context.modelProvider(),
                  context.embeddingRequest(),
                  context.embeddingModel());
          if (call != null) {
            metrics.llmCall(call.errorType(LangChain4jBridge.errorType(context.error())).build());
          }
        });
  }

  private LlmCall.Builder call(
      Map<Object, Object> attributes,
      ModelProvider provider,
      EmbeddingRequest request,
      EmbeddingModel model) {
    if (!(attributes.get(START) instanceof Long start)) {
      return null;
    }
    return LlmCall.builder(ProviderNames.of(provider), modelName(request, model))
        .operation(EMBEDDINGS)
        .agent(agent)
        .team(team)
        .durationSeconds(metrics.ticker().secondsSince(start));
  }

  private static String modelName(EmbeddingRequest request, EmbeddingModel model) {
    if (request != null && request.modelName() != null) {
      return request.modelName();
    }
    String name = model == null ? null : model.modelName();
    return name == null || name.isBlank() ? "unknown" : name;
  }
}
