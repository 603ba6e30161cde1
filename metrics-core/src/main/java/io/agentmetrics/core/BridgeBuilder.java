package io.agentmetrics.core;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Labels;
import java.util.Objects;

/**
 * What every framework bridge is configured with: the recorder, and the agent and team its events
 * are recorded under.
 *
 * @param <B> the bridge's own builder
 * @param <T> the bridge
 */
public abstract class BridgeBuilder<B extends BridgeBuilder<B, T>, T> {

  private final AgentMetrics metrics;
  private String agent = Labels.UNKNOWN_AGENT;
  private String team = Labels.NO_TEAM;

  /** A builder for a bridge recording into {@code metrics}. */
  protected BridgeBuilder(AgentMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** The agent name the framework's events are recorded under ({@code unknown} by default). */
  public B agent(String agent) {
    this.agent = Objects.requireNonNull(agent, "agent");
    return self();
  }

  /** The team tokens and cost are charged to (none by default). */
  public B team(String team) {
    this.team = Objects.requireNonNull(team, "team");
    return self();
  }

  /** The bridge. */
  public abstract T build();

  /** The recorder, for the bridge's constructor. */
  public AgentMetrics recorder() {
    return metrics;
  }

  /** The agent name set, for the bridge's constructor. */
  public String agentName() {
    return agent;
  }

  /** The team set, for the bridge's constructor. */
  public String teamName() {
    return team;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
