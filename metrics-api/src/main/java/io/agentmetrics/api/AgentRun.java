package io.agentmetrics.api;

/**
 * One finished agent run (invocation).
 *
 * @param agent the agent's name
 * @param status how it ended
 * @param durationSeconds how long it took
 * @param errorType an error class or code when it failed, else null
 */
public record AgentRun(String agent, RunStatus status, double durationSeconds, String errorType) {

  /** A successful run. */
  public static AgentRun success(String agent, double durationSeconds) {
    return new AgentRun(agent, RunStatus.SUCCESS, durationSeconds, null);
  }

  /** A failed run. */
  public static AgentRun error(String agent, double durationSeconds, String errorType) {
    return new AgentRun(agent, RunStatus.ERROR, durationSeconds, errorType);
  }
}
