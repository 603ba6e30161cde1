package io.agentmetrics.langchain4j;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverErrorContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverListener;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverRequestContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverResponseContext;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.core.IntegrationGuard;
import java.util.List;

/**
 * A content retrieval as a RAG retrieval from the store it was registered for: the duration
 * measured by the facade's ticker, the contents returned and the best score among them.
 */
final class RetrieverListener implements ContentRetrieverListener {

  private static final String START = RetrieverListener.class.getName() + ".start";

  private final AgentMetrics metrics;
  private final String agent;
  private final String store;
  private final IntegrationGuard failures;

  RetrieverListener(AgentMetrics metrics, String agent, String store, IntegrationGuard failures) {
    this.metrics = metrics;
    this.agent = agent;
    this.store = store;
    this.failures = failures;
  }

  @Override
  public void onRequest(ContentRetrieverRequestContext context) {
    failures.guard("retrieval", () -> context.attributes().put(START, metrics.ticker().nanos()));
  }

  @Override
  public void onResponse(ContentRetrieverResponseContext context) {
    failures.guard(
        "retrieval",
        () -> {
          if (!(context.attributes().get(START) instanceof Long start)) {
            return;
          }
          double seconds = metrics.ticker().secondsSince(start);
          List<Content> contents = context.contents() == null ? List.of() : context.contents();
          double best = Double.NaN;
          for (Content content : contents) {
            if (content.metadata().get(ContentMetadata.SCORE) instanceof Number score
                && (Double.isNaN(best) || score.doubleValue() > best)) {
              best = score.doubleValue();
            }
          }
          metrics.ragRetrieval(
              new RagRetrieval(
                  agent,
                  store,
                  seconds,
                  contents.size(),
                  Double.isNaN(best) ? best : Math.max(0, Math.min(1, best)),
                  Double.NaN));
        });
  }

  @Override
  public void onError(ContentRetrieverErrorContext context) {
    // A failed retrieval has no documents to report; the AI service's error shows it.
  }
}
