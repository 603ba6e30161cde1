package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.RagRetrieval;
import java.util.function.Consumer;

/** {@code rag_retrieval}: a {@code retrieval} (default) or a lone {@code vector_store_query}. */
final class RagRetrievalEvent extends EventType {

  RagRetrievalEvent() {
    super(IngestEventType.RAG_RETRIEVAL);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    String store = f.label("store", Labels.STORE);
    if (kind.equals("vector_store_query")) {
      double seconds = f.number("duration_seconds");
      return metrics -> metrics.vectorStoreQuery(store, seconds);
    }
    String agent = f.label("agent", Labels.AGENT);
    double seconds = f.number("duration_seconds");
    long documents = f.count("documents");
    if (documents > Integer.MAX_VALUE) {
      throw EventFields.invalid("documents", "is too large");
    }
    double score = f.optionalNumber("relevance_score");
    if (score > 1) {
      throw EventFields.invalid("relevance_score", "must be between 0 and 1");
    }
    RagRetrieval retrieval =
        new RagRetrieval(
            agent,
            store,
            seconds,
            (int) documents,
            score,
            f.optionalNumber("vector_store_seconds"));
    return metrics -> metrics.ragRetrieval(retrieval);
  }
}
