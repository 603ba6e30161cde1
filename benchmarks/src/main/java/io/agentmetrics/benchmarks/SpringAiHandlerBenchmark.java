package io.agentmetrics.benchmarks;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.springai.SpringAiBridge;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What the Spring AI bridge's observation handler adds to a chat call: the observation Spring AI's
 * chat models make around each call ({@code ChatModelObservationDocumentation.CHAT_MODEL_OPERATION}
 * with its default convention), around a model that answers at once, observed by: nothing ({@code
 * none}), a handler that does nothing ({@code observedOnly}: the observation is built, as in any
 * application with a handler), Spring AI's own meter handlers ({@code springAiMeters}: Micrometer's
 * {@code DefaultMeterObservationHandler} and Spring AI's {@code ChatModelMeterObservationHandler}),
 * our bridge alone ({@code agentmetrics}), or both ({@code both}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpringAiHandlerBenchmark {

  private static final Prompt PROMPT =
      new Prompt("Where is my order?", ChatOptions.builder().model("gpt-5-mini").build());
  private static final ChatResponse RESPONSE =
      new ChatResponse(
          List.of(new Generation(new AssistantMessage("It ships today."))),
          ChatResponseMetadata.builder()
              .model("gpt-5-mini")
              .usage(new DefaultUsage(120, 30))
              .build());
  private static final DefaultChatModelObservationConvention CONVENTION =
      new DefaultChatModelObservationConvention();

  /** The observation registry with the handlers under test. */
  @State(Scope.Benchmark)
  public static class Observations {
    @Param({"none", "observedOnly", "springAiMeters", "agentmetrics", "both"})
    public String handlers;

    ObservationRegistry registry;

    /** Registers the handlers of {@link #handlers} and observes one call. */
    @Setup
    public void setUp() {
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      registry = ObservationRegistry.create();
      if (handlers.equals("springAiMeters") || handlers.equals("both")) {
        registry
            .observationConfig()
            .observationHandler(new DefaultMeterObservationHandler(meters))
            .observationHandler(new ChatModelMeterObservationHandler(meters));
      }
      if (handlers.equals("agentmetrics") || handlers.equals("both")) {
        SpringAiBridge.builder(MicrometerAgentMetrics.builder(meters).build())
            .agent("support-bot")
            .build()
            .registerOn(registry);
      }
      if (handlers.equals("observedOnly")) {
        // A handler that does nothing: Spring AI builds the observation and its key values, as
        // it does in any application with a handler (Spring Boot's Actuator registers several).
        registry.observationConfig().observationHandler(context -> true);
      }
      if (handlers.equals("none")) {
        registry = ObservationRegistry.NOOP;
      }
      call(registry);
    }
  }

  @Benchmark
  public ChatResponse chatCall(Observations o) {
    return call(o.registry);
  }

  static ChatResponse call(ObservationRegistry registry) {
    ChatModelObservationContext context =
        ChatModelObservationContext.builder().prompt(PROMPT).provider("openai").build();
    return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
        .observation(null, CONVENTION, () -> context, registry)
        .observe(
            () -> {
              context.setResponse(RESPONSE);
              return RESPONSE;
            });
  }
}
