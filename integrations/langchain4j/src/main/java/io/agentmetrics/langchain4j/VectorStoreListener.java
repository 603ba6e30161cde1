package io.agentmetrics.langchain4j;

import dev.langchain4j.store.embedding.listener.EmbeddingStoreListener;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreRequestContext;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreResponseContext;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.core.IntegrationGuard;

/**
 * An embedding store search as a vector store query of the store it was registered for, timed by
 * the facade's ticker from request to response. Adds and removals are not recorded.
 */
final class VectorStoreListener implements EmbeddingStoreListener {

  private static final String START = VectorStoreListener.class.getName() + ".start";

  private final AgentMetrics metrics;
  private final String store;
  private final IntegrationGuard failures;

  VectorStoreListener(AgentMetrics metrics, String store, IntegrationGuard failures) {
    this.metrics = metrics;
    this.store = store;
    this.failures = failures;
  }

  @Override
  public void onRequest(EmbeddingStoreRequestContext<?> context) {
    if (context instanceof EmbeddingStoreRequestContext.Search<?>) {
      failures.guard(
          "embedding store search",
          () -> context.attributes().put(START, metrics.ticker().nanos()));
    }
  }

  @Override
  public void onResponse(EmbeddingStoreResponseContext<?> context) {
    if (context instanceof EmbeddingStoreResponseContext.Search<?>) {
      failures.guard(
          "embedding store search",
          () -> {
            if (context.attributes().get(START) instanceof Long start) {
              metrics.vectorStoreQuery(store, metrics.ticker().secondsSince(start));
            }
          });
    }
  }
}
