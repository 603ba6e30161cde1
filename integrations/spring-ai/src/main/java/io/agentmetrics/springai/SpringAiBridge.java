package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Spring AI bridge: observation handlers that record Spring AI's own observations through
 * {@link AgentMetrics}, so an application records with no code of its own.
 *
 * <pre>{@code
 * SpringAiBridge.builder(metrics).agent("support-bot").build().registerOn(observationRegistry);
 * }</pre>
 *
 * The Spring Boot starter does this itself. The vector store handler is added only where Spring
 * AI's {@code spring-ai-vector-store} module is on the classpath.
 */
public final class SpringAiBridge {

  private final List<ObservationHandler<?>> handlers;

  private SpringAiBridge(Builder builder) {
    Attribution attribution = new Attribution(builder.agent, builder.team);
    BridgeFailures failures = new BridgeFailures(builder.metrics);
    List<ObservationHandler<?>> list = new ArrayList<>();
    list.add(new ChatObservationHandler(builder.metrics, attribution, failures));
    list.add(new EmbeddingObservationHandler(builder.metrics, attribution, failures));
    list.add(new ToolCallObservationHandler(builder.metrics, attribution, failures));
    if (VectorStoreObservationHandler.available()) {
      list.add(new VectorStoreObservationHandler(builder.metrics, attribution, failures));
    }
    this.handlers = List.copyOf(list);
  }

  /** A bridge recording into {@code metrics}. */
  public static Builder builder(AgentMetrics metrics) {
    return new Builder(metrics);
  }

  /** The handlers, for registries configured elsewhere (Spring Boot collects handler beans). */
  public List<ObservationHandler<?>> handlers() {
    return handlers;
  }

  /** Adds every handler to {@code registry}. */
  public void registerOn(ObservationRegistry registry) {
    handlers.forEach(handler -> registry.observationConfig().observationHandler(handler));
  }

  /** Configures a {@link SpringAiBridge}. */
  public static final class Builder {
    private final AgentMetrics metrics;
    private String agent = "unknown";
    private String team = "";

    private Builder(AgentMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The agent name the calls are recorded under ({@code unknown} by default). */
    public Builder agent(String agent) {
      this.agent = Objects.requireNonNull(agent, "agent");
      return this;
    }

    /** The team tokens and cost are charged to (none by default). */
    public Builder team(String team) {
      this.team = Objects.requireNonNull(team, "team");
      return this;
    }

    /** The bridge. */
    public SpringAiBridge build() {
      return new SpringAiBridge(this);
    }
  }
}
