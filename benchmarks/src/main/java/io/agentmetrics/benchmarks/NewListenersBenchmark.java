package io.agentmetrics.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.McpClientListener;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.protocol.McpCallToolRequest;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.langchain4j.LangChain4jBridge;
import io.agentmetrics.langchain4j.McpClientRecorder;
import io.agentmetrics.mcp.McpMetrics;
import io.agentmetrics.springai.SpringAiBridge;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.EvaluationResponse;
import org.springframework.ai.evaluation.Evaluator;
import reactor.core.publisher.Mono;

/**
 * What the bridges of issue 28 add per call, each beside the framework's own work on the same call
 * with nothing of ours: LangChain4j's AI service with an input and an output guardrail (on an
 * in-process model that answers at once) without and with {@code bridge.guardrailListeners()}; a
 * Spring AI {@code Evaluator} that answers at once, bare and {@code bridge.recorded(..)}; an MCP
 * server tool's call, bare and wrapped by {@code McpMetrics.tool}; an MCP client request through a
 * transport that answers at once in memory, bare and wrapped by {@code McpMetrics.client}; and
 * LangChain4j's MCP client listener's two events of one tool call; a plain AI service without and
 * with {@code aiServiceListeners()}; an embedding model that answers at once without and with
 * {@code embeddingModelListener()}; and a Spring AI {@code ChatClient} call (its model answering at
 * once inside Spring AI's chat model observation) with a handler that does nothing, with the bridge
 * but its chat client run handler, and with the whole bridge. All record into a {@code
 * PrometheusMeterRegistry}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NewListenersBenchmark {

  /** The support agent's AI service. */
  interface Assistant {
    String chat(String question);
  }

  /** An input guardrail that lets everything through. */
  static final class Passes implements InputGuardrail {
    @Override
    public InputGuardrailResult validate(UserMessage message) {
      return success();
    }
  }

  /** An output guardrail that lets everything through. */
  static final class Fine implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage message) {
      return success();
    }
  }

  private static final CallToolRequest CALL =
      CallToolRequest.builder().name("lookup_order").arguments(Map.of()).build();
  private static final CallToolResult RESULT =
      CallToolResult.builder().addTextContent("ships today").build();
  private static final JSONRPCRequest REQUEST =
      new JSONRPCRequest(McpSchema.JSONRPC_VERSION, "tools/call", 7, CALL);
  private static final JSONRPCResponse RESPONSE =
      new JSONRPCResponse(McpSchema.JSONRPC_VERSION, 7, RESULT, null);
  private static final EvaluationRequest EVALUATION =
      new EvaluationRequest("When does order 42 ship?", List.of(), "It ships today.");

  /** A client transport whose server answers every request at once, in memory. */
  static final class AnsweringTransport implements McpClientTransport {
    private Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler;

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
      this.handler = handler;
      return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
      handler.apply(Mono.just(RESPONSE)).subscribe();
      return Mono.empty();
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
      throw new UnsupportedOperationException();
    }
  }

  private static final EmbeddingRequest EMBEDDING =
      EmbeddingRequest.builder().input("Refunds take five days.").build();

  /** An embedding model in the same process that answers at once, with token usage. */
  static final class InstantEmbeddings implements EmbeddingModel {
    private static final EmbeddingResponse ANSWER =
        EmbeddingResponse.builder()
            .embeddings(List.of(Embedding.from(new float[] {0.6f, 0.8f})))
            .tokenUsage(new TokenUsage(5))
            .build();
    private final List<EmbeddingModelListener> listeners;

    InstantEmbeddings(List<EmbeddingModelListener> listeners) {
      this.listeners = listeners;
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
      return ANSWER;
    }

    @Override
    public List<EmbeddingModelListener> listeners() {
      return listeners;
    }

    @Override
    public ModelProvider provider() {
      return ModelProvider.OPEN_AI;
    }

    @Override
    public String modelName() {
      return "text-embedding-3-small";
    }
  }

  /**
   * A Spring AI chat client on {@code registry} whose model answers at once inside the chat model
   * observation Spring AI's models make.
   */
  private static ChatClient chatClient(ObservationRegistry registry) {
    org.springframework.ai.chat.model.ChatModel model =
        prompt -> SpringAiHandlerBenchmark.call(registry);
    return ChatClient.builder(model, registry, null, null).build();
  }

  /** Everything, built once and shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Subjects {
    Assistant guarded;
    Assistant guardedWithListeners;
    Evaluator evaluator;
    Evaluator recordedEvaluator;
    SyncToolSpecification tool;
    SyncToolSpecification timedTool;
    McpClientTransport transport;
    McpClientTransport timedTransport;
    McpClientListener langChain4jMcpListener;
    Assistant plain;
    Assistant plainWithListeners;
    EmbeddingModel embeddings;
    EmbeddingModel embeddingsWithListener;
    ChatClient chatClientObserved;
    ChatClient chatClientBridgeWithoutRuns;
    ChatClient chatClientBridge;
    McpCallContext toolCall;
    ToolExecutionResult toolResult;

    /** Builds each subject and calls it once. */
    @Setup
    public void setUp() {
      MicrometerAgentMetrics metrics =
          MicrometerAgentMetrics.builder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .build();
      LangChain4jBridge langChain4j =
          LangChain4jBridge.builder(metrics).agent("support-bot").build();
      LangChain4jListenerBenchmark.InstantModel model =
          new LangChain4jListenerBenchmark.InstantModel(List.of());
      guarded =
          AiServices.builder(Assistant.class)
              .chatModel(model)
              .inputGuardrails(new Passes())
              .outputGuardrails(new Fine())
              .build();
      guardedWithListeners =
          AiServices.builder(Assistant.class)
              .chatModel(model)
              .inputGuardrails(new Passes())
              .outputGuardrails(new Fine())
              .registerListeners(langChain4j.guardrailListeners())
              .build();

      evaluator = request -> new EvaluationResponse(true, 0.9f, "", Map.of());
      recordedEvaluator =
          SpringAiBridge.builder(metrics)
              .agent("support-bot")
              .build()
              .recorded("relevance", evaluator);

      McpMetrics mcp = McpMetrics.of(metrics);
      tool =
          SyncToolSpecification.builder()
              .tool(McpSchema.Tool.builder("lookup_order", Map.of("type", "object")).build())
              .callHandler((exchange, call) -> RESULT)
              .build();
      timedTool = mcp.tool(McpMetrics.TCP, tool);
      transport = new AnsweringTransport();
      transport.connect(inbound -> inbound).block();
      timedTransport = mcp.client(new AnsweringTransport());
      timedTransport.connect(inbound -> inbound).block();

      langChain4jMcpListener =
          new McpClientRecorder(langChain4j)
              .listener(StreamableHttpMcpTransport.builder().url("http://127.0.0.1:1/mcp").build());
      toolCall =
          new McpCallContext(
              null,
              new McpCallToolRequest(7L, "lookup_order", JsonNodeFactory.instance.objectNode()));
      toolResult = ToolExecutionResult.builder().resultText("ships today").build();

      plain = AiServices.builder(Assistant.class).chatModel(model).build();
      plainWithListeners =
          AiServices.builder(Assistant.class)
              .chatModel(model)
              .registerListeners(langChain4j.aiServiceListeners())
              .build();
      embeddings = new InstantEmbeddings(List.of());
      embeddingsWithListener = new InstantEmbeddings(List.of(langChain4j.embeddingModelListener()));

      ObservationRegistry observed = ObservationRegistry.create();
      observed.observationConfig().observationHandler(context -> true);
      chatClientObserved = chatClient(observed);
      SpringAiBridge springAi = SpringAiBridge.builder(metrics).agent("support-bot").build();
      ObservationRegistry withoutRuns = ObservationRegistry.create();
      springAi.handlers().stream()
          .filter(handler -> !handler.getClass().getSimpleName().equals("ChatClientRunHandler"))
          .forEach(handler -> withoutRuns.observationConfig().observationHandler(handler));
      chatClientBridgeWithoutRuns = chatClient(withoutRuns);
      ObservationRegistry bridged = ObservationRegistry.create();
      springAi.registerOn(bridged);
      chatClientBridge = chatClient(bridged);

      plainWithListeners.chat("Where is my order?");
      embeddingsWithListener.embed(EMBEDDING);
      chatClientBridge.prompt("Where is my order?").call().content();
      guarded.chat("Where is my order?");
      guardedWithListeners.chat("Where is my order?");
      recordedEvaluator.evaluate(EVALUATION);
    }
  }

  @Benchmark
  public String aiService(Subjects s) {
    return s.plain.chat("Where is my order?");
  }

  @Benchmark
  public String aiServiceWithListeners(Subjects s) {
    return s.plainWithListeners.chat("Where is my order?");
  }

  @Benchmark
  public EmbeddingResponse embedding(Subjects s) {
    return s.embeddings.embed(EMBEDDING);
  }

  @Benchmark
  public EmbeddingResponse embeddingWithListener(Subjects s) {
    return s.embeddingsWithListener.embed(EMBEDDING);
  }

  @Benchmark
  public String chatClientObserved(Subjects s) {
    return s.chatClientObserved.prompt("Where is my order?").call().content();
  }

  @Benchmark
  public String chatClientBridgeWithoutRuns(Subjects s) {
    return s.chatClientBridgeWithoutRuns.prompt("Where is my order?").call().content();
  }

  @Benchmark
  public String chatClientBridge(Subjects s) {
    return s.chatClientBridge.prompt("Where is my order?").call().content();
  }

  @Benchmark
  public String aiServiceWithGuardrails(Subjects s) {
    return s.guarded.chat("Where is my order?");
  }

  @Benchmark
  public String aiServiceWithGuardrailsAndListeners(Subjects s) {
    return s.guardedWithListeners.chat("Where is my order?");
  }

  @Benchmark
  public EvaluationResponse evaluator(Subjects s) {
    return s.evaluator.evaluate(EVALUATION);
  }

  @Benchmark
  public EvaluationResponse recordedEvaluator(Subjects s) {
    return s.recordedEvaluator.evaluate(EVALUATION);
  }

  @Benchmark
  public CallToolResult mcpServerTool(Subjects s) {
    return s.tool.callHandler().apply(null, CALL);
  }

  @Benchmark
  public CallToolResult mcpServerToolTimed(Subjects s) {
    return s.timedTool.callHandler().apply(null, CALL);
  }

  @Benchmark
  public Void mcpClientRequest(Subjects s) {
    return s.transport.sendMessage(REQUEST).block();
  }

  @Benchmark
  public Void mcpClientRequestTimed(Subjects s) {
    return s.timedTransport.sendMessage(REQUEST).block();
  }

  @Benchmark
  public McpCallContext langChain4jMcpListenerToolCall(Subjects s) {
    s.langChain4jMcpListener.beforeExecuteTool(s.toolCall);
    s.langChain4jMcpListener.afterExecuteTool(s.toolCall, s.toolResult, Map.of());
    return s.toolCall;
  }
}
