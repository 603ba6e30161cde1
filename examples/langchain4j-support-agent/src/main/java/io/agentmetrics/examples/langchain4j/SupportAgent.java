package io.agentmetrics.examples.langchain4j;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.mcp.McpToolProvider;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.V;
import dev.langchain4j.service.memory.ChatMemoryAccess;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.RunScope;
import io.agentmetrics.api.ToolCallScope;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.langchain4j.AgentRunListener;
import io.agentmetrics.langchain4j.LangChain4jBridge;
import io.agentmetrics.langchain4j.McpClientRecorder;
import io.agentmetrics.langchain4j.ToolExecutionRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small support agent on LangChain4j: an AI service that looks orders up at an MCP server (each
 * conversation a session of its own) and retrieves from the bundled documents (embedded in-process
 * by all-MiniLM-L6-v2), answering through any OpenAI-compatible endpoint. The framework's own
 * events are recorded by the agentmetrics bridge's listeners (one line each, below); the agent
 * records with the facade only what LangChain4j cannot know: its runs, its answer cache, its own
 * skill, its messages and the use of its features. Its guardrails refuse questions that hold a card
 * number and ask the model again for an answer that shows a tracking number; the bridge counts
 * every check.
 */
public final class SupportAgent {

  /** The agent's name in every metric. */
  public static final String NAME = "support-bot";

  private static final String DOCS = "/docs/";
  private static final String CHANNEL = "chat";
  private static final String STORE = "support-docs";
  private static final String REDACT = "redact_pii";
  private static final String REFUND_REVIEW = "refund_review";

  private final AgentMetrics metrics;
  private final Assistant assistant;
  private final UntypedAgent refundReview;
  private final McpClientRecorder mcp;
  private final McpToolProvider orderTools =
      McpToolProvider.builder().mcpClients(List.of()).build();
  private final String ordersUrl;
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  /** The AI service: answers stream, as they would to a chat window. */
  interface Assistant extends ChatMemoryAccess {
    TokenStream chat(
        @MemoryId Object conversation, @dev.langchain4j.service.UserMessage String question);
  }

  /** The refund review's first step: what kind of refund the customer asks for. */
  public interface RefundTriage {
    /** The kind of refund asked for. */
    @dev.langchain4j.service.UserMessage("What kind of refund does this ask for? {{question}}")
    @Agent(value = "Tells the kind of a refund request", name = "refund_triage", outputKey = "kind")
    String triage(@V("question") String question);
  }

  /** The refund review's second step: the reply to the customer. */
  public interface RefundDrafter {
    /** The reply. */
    @dev.langchain4j.service.UserMessage(
        "Draft a reply to {{question}} for a refund of kind {{kind}}")
    @Agent(
        value = "Drafts the reply to a refund request",
        name = "refund_drafter",
        outputKey = "reply")
    String draft(@V("question") String question, @V("kind") String kind);
  }

  /** Keeps card numbers away from the model: a question holding one is refused. */
  static final class NoCardNumbers implements InputGuardrail {
    @Override
    public InputGuardrailResult validate(UserMessage message) {
      return message.singleText().matches("(?s).*\\d{13,19}.*")
          ? failure("the question holds a card number")
          : success();
    }
  }

  /** Tracking numbers belong on the order page: an answer that shows one is asked for again. */
  static final class NoTrackingNumbers implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
      return answer.text() != null && answer.text().contains("TRK-")
          ? reprompt("the answer shows a tracking number", "Tell the shipping state only.")
          : success();
    }
  }

  /**
   * An agent talking to {@code endpoint}, looking orders up at the MCP server {@code ordersUrl},
   * recording into {@code metrics}.
   */
  public SupportAgent(Endpoint endpoint, String ordersUrl, AgentMetrics metrics) {
    this.metrics = metrics;
    this.ordersUrl = ordersUrl;
    LangChain4jBridge bridge = LangChain4jBridge.builder(metrics).agent(NAME).team("care").build();
    this.mcp = new McpClientRecorder(bridge);
    StreamingChatModel model =
        bridge.streaming(
            OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .modelName(endpoint.model())
                .timeout(Duration.ofSeconds(60))
                .build());
    // Refund questions go through a workflow of two agents (LangChain4j agentic), each step's
    // calls counted by step; its chat model is a plain one, with the bridge's listener.
    ChatModel plain =
        OpenAiChatModel.builder()
            .baseUrl(endpoint.baseUrl())
            .apiKey(endpoint.apiKey())
            .modelName(endpoint.model())
            .timeout(Duration.ofSeconds(60))
            .maxRetries(0)
            .listeners(List.of(bridge.chatModelListener()))
            .build();
    this.refundReview =
        AgenticServices.sequenceBuilder()
            .name(REFUND_REVIEW)
            .subAgents(
                AgenticServices.agentBuilder(RefundTriage.class).chatModel(plain).build(),
                AgenticServices.agentBuilder(RefundDrafter.class).chatModel(plain).build())
            .outputKey("reply")
            .listener(new AgentRunListener(bridge))
            .build();
    ContentRetriever documents =
        retriever(new AllMiniLmL6V2EmbeddingModel(), bridge)
            .addListener(bridge.contentRetrieverListener(STORE));
    this.assistant =
        AiServices.builder(Assistant.class)
            .streamingChatModel(model)
            .toolProvider(orderTools)
            // A failed order lookup is recorded by the bridges; the model reads its text.
            .toolExecutionErrorHandler(
                (error, context) -> ToolErrorHandlerResult.text(error.getMessage()))
            .contentRetriever(documents)
            .afterToolExecution(new ToolExecutionRecorder(bridge))
            // Each question is a conversation of its own, with a memory while it lasts: a
            // guardrail's reprompt asks the model again with the question and the tool's result.
            .chatMemoryProvider(conversation -> MessageWindowChatMemory.withMaxMessages(20))
            .inputGuardrails(new NoCardNumbers())
            .outputGuardrails(new NoTrackingNumbers())
            .registerListeners(bridge.guardrailListeners())
            // Each answer's requests to the model and tool calls count for the agent's run.
            .registerListeners(bridge.aiServiceListeners())
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
      String answer = cached != null ? cached : redacted(fresh(question));
      if (cached == null) {
        evaluate(question, answer);
      }
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

  /**
   * A toy evaluator, there to show the evaluation metrics: the share of the question's words (of
   * four letters or more) that the answer takes up, {@code relevant} from one half. A real agent
   * would use an LLM judge or LangChain4j's output guardrails.
   */
  private void evaluate(String question, String answer) {
    String said = answer.toLowerCase(Locale.ROOT);
    long words = 0;
    long taken = 0;
    for (String word : question.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (word.length() >= 4) {
        words++;
        taken += said.contains(word) ? 1 : 0;
      }
    }
    double score = words == 0 ? 1 : (double) taken / words;
    metrics.evaluationResult(NAME, "relevance", score, score >= 0.5 ? "relevant" : "irrelevant");
  }

  /**
   * The agent's own packaged skill, run on every fresh answer: masks anything that looks like a
   * card or phone number. LangChain4j does not know it, so the agent records it, as a skill.
   */
  private String redacted(String answer) {
    metrics.skillAccess(NAME, REDACT, true);
    try (ToolCallScope skill = metrics.startToolCall(NAME, REDACT).kind(ToolKind.SKILL)) {
      return answer.replaceAll("\\d{7,}", "[redacted]");
    }
  }

  /**
   * Each conversation has an MCP session of its own with the orders server (as a service that tells
   * customers apart would want), open while the conversation lasts. This example holds one
   * conversation at a time.
   */
  private String fresh(String question) {
    if (question.toLowerCase(Locale.ROOT).contains("refund")) {
      return String.valueOf(refundReview.invoke(Map.of("question", question)));
    }
    Object conversation = UUID.randomUUID();
    try (McpClient orders =
        mcp.open(
            DefaultMcpClient.builder().key("orders").autoHealthCheck(false),
            StreamableHttpMcpTransport.builder()
                .url(ordersUrl)
                .timeout(Duration.ofSeconds(30))
                .build())) {
      orderTools.addMcpClient(orders);
      try {
        return streamed(assistant.chat(conversation, question));
      } finally {
        orderTools.removeMcpClient(orders);
      }
    } catch (Exception e) {
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    } finally {
      assistant.evictChatMemory(conversation);
    }
  }

  private static String streamed(TokenStream stream) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    stream
        .onPartialResponse(chunk -> {}) // a chat window would show each chunk here
        .onCompleteResponse(response -> answer.complete(response.aiMessage().text()))
        .onError(answer::completeExceptionally)
        .start();
    try {
      return answer.get(2, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while streaming the answer", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within 2 minutes", e);
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
