package io.agentmetrics.benchmarks;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.langchain4j.LangChain4jBridge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * What the LangChain4j bridge's {@code ChatModelListener} adds to a chat call: LangChain4j's own
 * {@code ChatModel.chat(ChatRequest)} (which calls its listeners around {@code doChat}) on an
 * in-process model that answers at once with token usage, with no listener and with ours recording
 * into a {@code PrometheusMeterRegistry}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LangChain4jListenerBenchmark {

  private static final ChatRequest REQUEST =
      ChatRequest.builder()
          .messages(UserMessage.from("Where is my order?"))
          .modelName("gpt-5-mini")
          .build();
  private static final ChatResponse RESPONSE =
      ChatResponse.builder()
          .aiMessage(AiMessage.from("It ships today."))
          .modelName("gpt-5-mini")
          .tokenUsage(new TokenUsage(120, 30))
          .build();

  /** A model in the same process that answers at once. */
  static final class InstantModel implements ChatModel {
    private final List<ChatModelListener> listeners;

    InstantModel(List<ChatModelListener> listeners) {
      this.listeners = listeners;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      return RESPONSE;
    }

    @Override
    public List<ChatModelListener> listeners() {
      return listeners;
    }

    @Override
    public ModelProvider provider() {
      return ModelProvider.OPEN_AI;
    }
  }

  /** The models, shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Models {
    ChatModel bare;
    ChatModel withBridge;

    /** Builds both models and calls each once. */
    @Setup
    public void setUp() {
      bare = new InstantModel(List.of());
      MicrometerAgentMetrics metrics =
          MicrometerAgentMetrics.builder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .build();
      LangChain4jBridge bridge = LangChain4jBridge.builder(metrics).agent("support-bot").build();
      withBridge = new InstantModel(List.of(bridge.chatModelListener()));
      bare.chat(REQUEST);
      withBridge.chat(REQUEST);
    }
  }

  @Benchmark
  public ChatResponse noListener(Models m) {
    return m.bare.chat(REQUEST);
  }

  @Benchmark
  public ChatResponse agentmetricsListener(Models m) {
    return m.withBridge.chat(REQUEST);
  }
}
