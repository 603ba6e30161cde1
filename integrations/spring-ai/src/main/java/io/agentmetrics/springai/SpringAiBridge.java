package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Integration;
import io.agentmetrics.core.BridgeBuilder;
import io.agentmetrics.core.IntegrationGuard;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.evaluation.Evaluator;

/**
 * The Spring AI bridge: observation handlers that record Spring AI's own observations through
 * {@link AgentMetrics}, so an application records with no code of its own.
 *
 * <pre>{@code
 * SpringAiBridge bridge = SpringAiBridge.builder(metrics).agent("support-bot").build();
 * bridge.registerOn(observationRegistry);
 * Evaluator relevance = bridge.recorded("relevance", new RelevancyEvaluator(chatClientBuilder));
 * }</pre>
 *
 * The Spring Boot starter does this itself. The vector store handler is added only where Spring
 * AI's {@code spring-ai-vector-store} module is on the classpath. Streamed chunks are timed only
 * through a {@code ChatClient} with a {@link ChunkTimingAdvisor} (the starter adds one to every
 * {@code ChatClient.Builder} it configures): Spring AI's observations carry no event per chunk.
 * Where Spring AI's chat client is on the classpath, each {@code ChatClient} call's inference and
 * tool calls are counted for the run open on the calling thread ({@code metrics.startRun(..)}), or
 * make an agent run of their own when none is.
 */
public final class SpringAiBridge {

  private final List<ObservationHandler<?>> handlers;
  private final Attribution attribution;
  final AgentMetrics metrics;
  final IntegrationGuard failures;

  private SpringAiBridge(Builder builder) {
    this.attribution = new Attribution(builder.agentName(), builder.teamName());
    this.metrics = builder.recorder();
    this.failures = new IntegrationGuard(builder.recorder(), Integration.SPRING_AI, "Spring AI");
    List<ObservationHandler<?>> list = new ArrayList<>();
    list.add(new ChatObservationHandler(builder.recorder(), attribution, failures));
    list.add(new EmbeddingObservationHandler(builder.recorder(), attribution, failures));
    list.add(new ToolCallObservationHandler(builder.recorder(), attribution, failures));
    // The optional modules' classes are looked up by name: loading a handler of a missing one
    // would fail.
    if (present(ChatClientRunHandler.CONTEXT_CLASS)) {
      list.add(new ChatClientRunHandler(builder.recorder(), attribution, failures));
    }
    if (present(VectorStoreObservationHandler.CONTEXT_CLASS)) {
      list.add(new VectorStoreObservationHandler(builder.recorder(), attribution, failures));
    }
    this.handlers = List.copyOf(list);
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, SpringAiBridge.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** A bridge recording into {@code metrics}. */
  public static Builder builder(AgentMetrics metrics) {
    return new Builder(metrics);
  }

  /** The handlers, for registries configured elsewhere (Spring Boot collects handler beans). */
  public List<ObservationHandler<?>> handlers() {
    return handlers;
  }

  /**
   * {@code evaluator} (Spring AI's {@code RelevancyEvaluator}, {@code FactCheckingEvaluator} or
   * your own), each of its results recorded as an evaluation named {@code evaluation} (relevance,
   * faithfulness ...) of this bridge's agent: use the returned evaluator in its place.
   */
  public Evaluator recorded(String evaluation, Evaluator evaluator) {
    return new RecordedEvaluator(evaluator, evaluation, metrics, attribution.agent(), failures);
  }

  /** Adds every handler to {@code registry}. */
  public void registerOn(ObservationRegistry registry) {
    handlers.forEach(handler -> registry.observationConfig().observationHandler(handler));
  }

  /** Configures a {@link SpringAiBridge}. */
  public static final class Builder extends BridgeBuilder<Builder, SpringAiBridge> {

    private Builder(AgentMetrics metrics) {
      super(metrics);
    }

    @Override
    public SpringAiBridge build() {
      return new SpringAiBridge(this);
    }
  }
}
