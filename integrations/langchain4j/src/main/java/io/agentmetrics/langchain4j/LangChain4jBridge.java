package io.agentmetrics.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverListener;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreListener;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.api.Integration;
import io.agentmetrics.core.BridgeBuilder;
import io.agentmetrics.core.IntegrationGuard;
import java.util.List;
import java.util.Objects;

/**
 * The LangChain4j bridge: listeners that record LangChain4j's own events through {@link
 * AgentMetrics}. Register each where LangChain4j takes it, one line each:
 *
 * <pre>{@code
 * LangChain4jBridge bridge = LangChain4jBridge.builder(metrics).agent("support-bot").build();
 * OpenAiChatModel.builder()...listeners(List.of(bridge.chatModelListener())).build();
 * AiServices.builder(Assistant.class)...afterToolExecution(new ToolExecutionRecorder(bridge))
 *     .registerListeners(bridge.guardrailListeners()).build();
 * retriever = EmbeddingStoreContentRetriever.builder()...build()
 *     .addListener(bridge.contentRetrieverListener("support-docs"));
 * store.addListener(bridge.embeddingStoreListener("support-docs"));
 * StreamingChatModel streaming = bridge.streaming(OpenAiStreamingChatModel.builder()...build());
 * AgenticServices.agentBuilder(...)...listener(new AgentRunListener(bridge)).build(); // agentic
 * }</pre>
 *
 * Nothing the bridge does is thrown into LangChain4j: a failure of its own is counted in {@code
 * agentmetrics_integration_failures_total{integration="langchain4j"}} and logged once.
 */
public final class LangChain4jBridge {

  private final AgentMetrics metrics;
  private final String agent;
  private final String team;
  private final IntegrationGuard failures;
  private final ChatListener chatListener;
  private final WorkflowSteps workflowSteps = new WorkflowSteps();

  private LangChain4jBridge(Builder builder) {
    this.metrics = builder.recorder();
    this.agent = builder.agentName();
    this.team = builder.teamName();
    this.failures = new IntegrationGuard(metrics, Integration.LANGCHAIN4J, "LangChain4j");
    this.chatListener =
        new ChatListener(metrics, builder.agentName(), builder.teamName(), failures, workflowSteps);
  }

  /** A bridge recording into {@code metrics}. */
  public static Builder builder(AgentMetrics metrics) {
    return new Builder(metrics);
  }

  /** For chat models ({@code .listeners(...)}): every call, plain or streamed, as an LLM call. */
  public ChatModelListener chatModelListener() {
    return chatListener;
  }

  /**
   * For a retriever ({@code retriever.addListener(...)}): every retrieval as a RAG retrieval from
   * {@code store} (a name for the label, e.g. the collection: LangChain4j hands listeners a
   * wrapper, not the store).
   */
  public ContentRetrieverListener contentRetrieverListener(String store) {
    return new RetrieverListener(metrics, agent, Objects.requireNonNull(store, "store"), failures);
  }

  /**
   * A streaming model whose calls are recorded with their time to first chunk and time between
   * chunks (a chat model listener cannot see chunks): use it instead of {@code model}, and do not
   * also register {@link #chatModelListener()} on {@code model}.
   */
  public StreamingChatModel streaming(StreamingChatModel model) {
    return new TimedStreamingChatModel(
        Objects.requireNonNull(model, "model"), metrics, agent, team, failures, workflowSteps);
  }

  /**
   * For an embedding store ({@code store.addListener(...)}): every search as a vector store query
   * of {@code store}.
   */
  public EmbeddingStoreListener embeddingStoreListener(String store) {
    return new VectorStoreListener(metrics, Objects.requireNonNull(store, "store"), failures);
  }

  /**
   * For embedding models ({@code model.addListener(..)}, or the builders' {@code listeners(..)}):
   * every call as an LLM call of operation {@code embeddings}, with its input tokens.
   */
  public EmbeddingModelListener embeddingModelListener() {
    return new EmbeddingListener(metrics, agent, team, failures);
  }

  /**
   * For AI services ({@code .registerListeners(bridge.aiServiceListeners())}): each invocation's
   * requests to the model and tool executions, counted for the agentmetrics run open on the
   * invoking thread ({@code metrics.startRun(..)}), or recorded as an agent run of this bridge's
   * agent with those counts when none is.
   */
  public List<AiServiceListener<?>> aiServiceListeners() {
    return new AiServiceRecorder(metrics, agent, failures).listeners();
  }

  /**
   * For AI services ({@code .registerListeners(bridge.guardrailListeners())}): every run of an
   * input or output guardrail as a guardrail check of this bridge's agent, by the guardrail's name
   * and outcome ({@code passed}, {@code rewritten}, {@code failed}, {@code retried}, {@code
   * reprompted}, {@code fatal}).
   */
  public List<AiServiceListener<?>> guardrailListeners() {
    return new GuardrailRecorder(metrics, agent, failures).listeners();
  }

  AgentMetrics metrics() {
    return metrics;
  }

  String agent() {
    return agent;
  }

  WorkflowSteps workflowSteps() {
    return workflowSteps;
  }

  IntegrationGuard failures() {
    return failures;
  }

  static String errorType(Throwable error) {
    return ErrorTypes.of(error);
  }

  /** Configures a {@link LangChain4jBridge}. */
  public static final class Builder extends BridgeBuilder<Builder, LangChain4jBridge> {

    private Builder(AgentMetrics metrics) {
      super(metrics);
    }

    @Override
    public LangChain4jBridge build() {
      return new LangChain4jBridge(this);
    }
  }
}
