package io.agentmetrics.api;

/**
 * One RAG retrieval.
 *
 * @param agent the agent that retrieved
 * @param store the vector store or retriever
 * @param durationSeconds end-to-end retrieval time
 * @param documents documents returned
 * @param relevanceScore relevance score between 0 and 1; NaN when not known
 * @param vectorStoreSeconds time spent in the vector store query; NaN when not measured
 */
public record RagRetrieval(
    String agent,
    String store,
    double durationSeconds,
    int documents,
    double relevanceScore,
    double vectorStoreSeconds) {}
