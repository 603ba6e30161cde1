package io.agentmetrics.examples.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.RunScope;
import io.agentmetrics.langchain4j.LangChain4jBridge;
import io.agentmetrics.langchain4j.ToolExecutionRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small support agent on LangChain4j: an AI service with an order lookup tool and retrieval over
 * the bundled documents (embedded in-process by all-MiniLM-L6-v2), answering through any
 * OpenAI-compatible endpoint. The framework's own events are recorded by the agentmetrics bridge's
 * listeners (one line each, below); the agent records with the facade only what LangChain4j cannot
 * know: its runs, its answer cache, its messages and the use of its features.
 */
public final class SupportAgent {

  /** The agent's name in every metric. */
  public static final String NAME = "support-bot";

  private static final String DOCS = "/docs/";
  private static final String CHANNEL = "chat";
  private static final String STORE = "support-docs";

  private final AgentMetrics metrics;
  private final Assistant assistant;
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  /** The AI service. */
  interface Assistant {
    String chat(String question);
  }

  /** The agent's tool. */
  final class Orders {
    @Tool("Looks an order up by the customer's question and tells its shipping state")
    String lookupOrder(@P("the customer's question") String question) {
      metrics.featureUsed("order_lookup");
      return "Order 42 left the warehouse today; tracking number TRK-42.";
    }
  }

  /** An agent talking to {@code endpoint}, recording into {@code metrics}. */
  public SupportAgent(Endpoint endpoint, AgentMetrics metrics) {
    this.metrics = metrics;
    LangChain4jBridge bridge = LangChain4jBridge.builder(metrics).agent(NAME).team("care").build();
    OpenAiChatModel model =
        OpenAiChatModel.builder()
            .baseUrl(endpoint.baseUrl())
            .apiKey(endpoint.apiKey())
            .modelName(endpoint.model())
            .maxRetries(0)
            .timeout(Duration.ofSeconds(60))
            .listeners(List.of(bridge.chatModelListener()))
            .build();
    ContentRetriever documents =
        retriever(new AllMiniLmL6V2EmbeddingModel(), bridge)
            .addListener(bridge.contentRetrieverListener(STORE));
    this.assistant =
        AiServices.builder(Assistant.class)
            .chatModel(model)
            .tools(new Orders())
            .contentRetriever(documents)
            .afterToolExecution(new ToolExecutionRecorder(bridge))
            .build();
  }

  /**
   * Answers one question: from the agent's answer cache when it was asked before, else through the
   * AI service. A failed answer is recorded as a failed run and rethrown.
   */
  public String answer(String question) {
    metrics.message(NAME, CHANNEL, Direction.INBOUND);
    RunScope run = metrics.startRun(NAME);
    try {
      String cached = answers.get(question);
      metrics.cacheLookup("answers", cached != null);
      String answer = cached != null ? cached : assistant.chat(question);
      answers.putIfAbsent(question, answer);
      metrics.message(NAME, CHANNEL, Direction.OUTBOUND);
      return answer;
    } catch (RuntimeException e) {
      run.failed(e);
      throw e;
    } finally {
      run.close();
    }
  }

  /** Forgets the cached answers (the next questions go to the model again). */
  public void clearCache() {
    answers.clear();
  }

  private static ContentRetriever retriever(EmbeddingModel embeddings, LangChain4jBridge bridge) {
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    for (String file : resource("index.txt").strip().split("\n")) {
      TextSegment segment = TextSegment.from(resource(file.strip()));
      store.add(embeddings.embed(segment).content(), segment);
    }
    return EmbeddingStoreContentRetriever.builder()
        .embeddingStore(store.addListener(bridge.embeddingStoreListener(STORE)))
        .embeddingModel(embeddings)
        .maxResults(2)
        .build();
  }

  private static String resource(String name) {
    try (InputStream in = SupportAgent.class.getResourceAsStream(DOCS + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled document missing: " + DOCS + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
