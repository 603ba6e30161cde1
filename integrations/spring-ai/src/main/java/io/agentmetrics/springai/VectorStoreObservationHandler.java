package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.core.IntegrationGuard;
import java.util.List;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;

/**
 * A vector store query ({@code VectorStoreObservationContext}, operation {@code query}) as a RAG
 * retrieval: the store (its database system), duration, documents returned and the best score among
 * them; the query time is also the vector store time. Adds and deletes are not recorded.
 */
final class VectorStoreObservationHandler extends TimedHandler<VectorStoreObservationContext> {

  /** The observation context class this handler needs: the handler is made only where it is. */
  static final String CONTEXT_CLASS =
      "org.springframework.ai.vectorstore.observation.VectorStoreObservationContext";

  VectorStoreObservationHandler(
      AgentMetrics metrics, Attribution attribution, IntegrationGuard failures) {
    super(metrics, attribution, failures, VectorStoreObservationContext.class, "vector store");
  }

  @Override
  void record(VectorStoreObservationContext context, long startNanos, double seconds) {
    if (!"query".equals(context.getOperationName())) {
      return;
    }
    List<Document> documents = context.getQueryResponse();
    int count = documents == null ? 0 : documents.size();
    double best = Double.NaN;
    if (documents != null) {
      for (Document document : documents) {
        Double score = document.getScore();
        if (score != null && (Double.isNaN(best) || score > best)) {
          best = score;
        }
      }
    }
    String store = context.getDatabaseSystem() == null ? "unknown" : context.getDatabaseSystem();
    metrics.ragRetrieval(
        new RagRetrieval(attribution.agent(), store, seconds, count, relevance(best), seconds));
  }

  /** A similarity as a relevance between 0 and 1 (cosine similarities can be negative). */
  private static double relevance(double score) {
    return Double.isNaN(score) ? score : Math.max(0, Math.min(1, score));
  }
}
