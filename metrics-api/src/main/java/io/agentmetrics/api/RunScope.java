package io.agentmetrics.api;

/**
 * An agent run in progress, from {@link AgentMetrics#startRun(String)}: the active-run gauge goes
 * up when it starts, and {@link #close()} records the run with its duration measured by the
 * facade's {@link Ticker}, successful unless {@link #failed} or {@link #ended} said otherwise.
 * Calls started through {@link #startLlmCall} and {@link #startToolCall} are counted for the run.
 *
 * <pre>{@code
 * try (RunScope run = metrics.startRun("support-bot")) {
 *   ...
 * } catch (Exception e) {
 *   run.failed(e); // or declare run outside the try
 * }
 * }</pre>
 *
 * Not thread-safe: one run is driven by one thread at a time. Closing twice records once.
 */
public final class RunScope extends MeasuredScope {

  private final String agent;
  private RunStatus status = RunStatus.SUCCESS;
  private String errorType;
  private long inferenceCalls;
  private long toolCalls;

  RunScope(AgentMetrics metrics, String agent) {
    super(metrics);
    this.agent = agent;
    metrics.agentRunStarted(agent);
  }

  /** The run failed with {@code error}; its error type is the exception's class. */
  public RunScope failed(Throwable error) {
    return ended(RunStatus.ERROR, ErrorTypes.of(error));
  }

  /** The run ended with {@code status} and, when it failed, {@code errorType} (else null). */
  public RunScope ended(RunStatus status, String errorType) {
    this.status = status == null ? RunStatus.ERROR : status;
    this.errorType = errorType;
    return this;
  }

  /** Starts an LLM call of this run: it carries the run's agent and counts for the run. */
  public LlmCallScope startLlmCall(String provider, String model) {
    inferenceCalls++;
    return new LlmCallScope(metrics, provider, model).agent(agent);
  }

  /** Starts a tool call of this run: it carries the run's agent and counts for the run. */
  public ToolCallScope startToolCall(String tool) {
    toolCalls++;
    return new ToolCallScope(metrics, agent, tool);
  }

  @Override
  void record(double seconds) {
    metrics.agentRun(
        new AgentRun(agent, status, seconds, errorType).withCalls(inferenceCalls, toolCalls));
  }
}
