package io.agentmetrics.api;

import java.util.concurrent.atomic.AtomicLong;

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
 * <p>While open, the run is {@link #current()} on the thread that started it, so that a framework
 * bridge can count the calls the framework makes for it ({@link #countCalls}).
 *
 * <p>Not thread-safe, but for {@link #countCalls}: one run is driven by one thread at a time.
 * Closing twice records once.
 */
public final class RunScope extends MeasuredScope {

  private static final ThreadLocal<RunScope> OPEN = new ThreadLocal<>();

  private final String agent;
  private final RunScope enclosing;
  private RunStatus status = RunStatus.SUCCESS;
  private String errorType;
  private final AtomicLong inferenceCalls = new AtomicLong();
  private final AtomicLong toolCalls = new AtomicLong();
  private volatile boolean open = true;

  RunScope(AgentMetrics metrics, String agent) {
    super(metrics);
    this.agent = agent;
    this.enclosing = current();
    OPEN.set(this);
    metrics.agentRunStarted(agent);
  }

  /**
   * The innermost run started on this thread and not yet closed, or null: for framework bridges
   * that count the calls a framework makes for the run of the code that called it.
   */
  public static RunScope current() {
    RunScope run = OPEN.get();
    while (run != null && !run.open) {
      run = run.enclosing; // closed on another thread: it no longer encloses anything here
    }
    if (run == null) {
      OPEN.remove();
    } else if (run != OPEN.get()) {
      OPEN.set(run);
    }
    return run;
  }

  /**
   * Counts {@code inference} LLM calls and {@code tools} tool calls that a framework made for this
   * run (safe from any thread, before the run is closed).
   */
  public void countCalls(long inference, long tools) {
    inferenceCalls.addAndGet(Math.max(0, inference));
    toolCalls.addAndGet(Math.max(0, tools));
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
    inferenceCalls.incrementAndGet();
    return new LlmCallScope(metrics, provider, model).agent(agent);
  }

  /** Starts a tool call of this run: it carries the run's agent and counts for the run. */
  public ToolCallScope startToolCall(String tool) {
    toolCalls.incrementAndGet();
    return new ToolCallScope(metrics, agent, tool);
  }

  @Override
  void record(double seconds) {
    open = false;
    if (OPEN.get() == this) {
      if (enclosing == null) {
        OPEN.remove();
      } else {
        OPEN.set(enclosing);
      }
    }
    metrics.agentRun(
        new AgentRun(agent, status, seconds, errorType)
            .withCalls(inferenceCalls.get(), toolCalls.get()));
  }
}
