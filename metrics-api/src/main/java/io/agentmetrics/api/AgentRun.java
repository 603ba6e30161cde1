package io.agentmetrics.api;

/**
 * One finished agent run (invocation).
 *
 * @param agent the agent's name
 * @param status how it ended
 * @param durationSeconds how long it took
 * @param errorType an error class or code when it failed, else null
 * @param inferenceCalls the LLM inference calls the run made itself, failed ones included; {@value
 *     #NOT_REPORTED} when not counted
 * @param toolCalls the client-side tool calls the run made; {@value #NOT_REPORTED} when not counted
 */
public record AgentRun(
    String agent,
    RunStatus status,
    double durationSeconds,
    String errorType,
    long inferenceCalls,
    long toolCalls) {

  /** The value of a call count the caller did not report. */
  public static final long NOT_REPORTED = -1;

  /** A run without call counts. */
  public AgentRun(String agent, RunStatus status, double durationSeconds, String errorType) {
    this(agent, status, durationSeconds, errorType, NOT_REPORTED, NOT_REPORTED);
  }

  /** A successful run. */
  public static AgentRun success(String agent, double durationSeconds) {
    return new AgentRun(agent, RunStatus.SUCCESS, durationSeconds, null);
  }

  /** A failed run. */
  public static AgentRun error(String agent, double durationSeconds, String errorType) {
    return new AgentRun(agent, RunStatus.ERROR, durationSeconds, errorType);
  }

  /** A run that ended: successful when {@code errorType} is null, else failed with it. */
  public static AgentRun ended(String agent, double durationSeconds, String errorType) {
    return errorType == null
        ? success(agent, durationSeconds)
        : error(agent, durationSeconds, errorType);
  }

  /** This run with the number of inference and tool calls it made. */
  public AgentRun withCalls(long inferenceCalls, long toolCalls) {
    return new AgentRun(agent, status, durationSeconds, errorType, inferenceCalls, toolCalls);
  }

  /**
   * The {@code error.type} of this run: its error type, else {@code timeout} or {@code cancelled}
   * for runs that ended so, {@code _OTHER} (the spec's fallback) for other failures, and null on
   * success.
   */
  public String effectiveErrorType() {
    if (errorType != null) {
      return errorType;
    }
    if (status == null || status == RunStatus.SUCCESS) {
      return null;
    }
    return status == RunStatus.ERROR ? "_OTHER" : status.label();
  }
}
