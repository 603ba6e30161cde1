package io.agentmetrics.api;

/**
 * The recording facade: one intention-revealing method per agent event. Implementations are
 * thread-safe and never throw into the caller: invalid values are dropped or recorded under {@link
 * LabelPolicy#OVERFLOW_VALUE}, and counted in {@code agentmetrics_recordings_rejected_total}.
 *
 * <p>Durations are in seconds. The {@code start...} methods return scopes that measure durations
 * themselves, so no caller computes one. Use {@link #noop()} where metrics are switched off. The
 * methods of the events whose fields the catalogue's model declares come from {@link
 * DeclaredEvents}, generated from the model.
 */
public interface AgentMetrics extends DeclaredEvents {

  /** Records a finished LLM call: duration, tokens, time to first chunk, cost and savings. */
  void llmCall(LlmCall call);

  /** An agent run started: the agent's active-run gauge goes up. */
  void agentRunStarted(String agent);

  /** An agent run finished: records its duration by status; the active-run gauge goes down. */
  void agentRun(AgentRun run);

  /** An agent started and became ready after {@code seconds}. */
  void agentStartup(String agent, double seconds);

  /** Records a finished tool or skill execution. */
  void toolCall(ToolCall call);

  /** A task started: counts it and raises the agent's active-task gauge. */
  void taskStarted(String agent, String queue);

  /** A task finished: records its duration by status and lowers the active-task gauge. */
  void taskFinished(TaskResult task);

  /** Sets the number of tasks waiting in {@code queue}. */
  void queueDepth(String queue, long depth);

  /** Sets the number of tasks in {@code queue} blocked on unresolved dependencies. */
  void tasksBlocked(String queue, long blocked);

  /**
   * An absolute report: process {@code source} sees {@code count} tasks in {@code state} in {@code
   * queue}. For queues reported to several metrics-server replicas: the newest report of each
   * source counts, and a report expires (counts 0) when its source stops sending them, so a
   * replica's old value never lingers.
   */
  void queueReport(String source, String queue, QueuedTaskState state, long count);

  /** A skill access check was allowed or denied. */
  void skillAccess(String agent, String skill, boolean allowed);

  /** An agent requested elevated permissions. */
  void permissionEscalationRequested(String agent);

  /** Sets the number of permissions currently granted to {@code agent}. */
  void activePermissions(String agent, long permissions);

  /** A policy violation of {@code violationType} was detected. */
  void policyViolation(String agent, String violationType);

  /** Records a RAG retrieval (and its vector store query, when measured). */
  void ragRetrieval(RagRetrieval retrieval);

  /** Records a vector store query on its own. */
  void vectorStoreQuery(String store, double seconds);

  /** A lookup in {@code cache} hit or missed. */
  void cacheLookup(String cache, boolean hit);

  /** A product feature was used through an agent. */
  void featureUsed(String feature);

  /**
   * An absolute report: process {@code source} has {@code count} of {@code work} in flight for
   * {@code agent}. For agents that push to several metrics-server replicas, where a start and its
   * finish land on different replicas: the newest report of each source counts, and a report
   * expires (counts 0) when the source stops sending them.
   */
  void inFlight(String source, String agent, InFlightWork work, long count);

  /** Sets the number of open sessions of {@code agent}. */
  void activeSessions(String agent, long sessions);

  /** Sets the spending budget of the whole application for {@code period}, in US dollars. */
  default void budget(BudgetPeriod period, double usd) {
    budget(period, null, usd);
  }

  /**
   * Sets the spending budget of {@code team} (the {@code team} of {@link LlmCall}s; null or empty
   * for the whole application) for {@code period}, in US dollars.
   */
  void budget(BudgetPeriod period, String team, double usd);

  /** A framework bridge could not record an event of its framework (counted, never thrown). */
  void integrationFailed(Integration integration);

  /**
   * The clock the scopes below measure with. {@link Ticker#SYSTEM} unless the implementation was
   * given another.
   */
  default Ticker ticker() {
    return Ticker.SYSTEM;
  }

  /** Starts an agent run measured by {@link #ticker()}; closing the scope records it. */
  default RunScope startRun(String agent) {
    return new RunScope(this, agent);
  }

  /** Starts an LLM call measured by {@link #ticker()}; closing the scope records it. */
  default LlmCallScope startLlmCall(String provider, String model) {
    return new LlmCallScope(this, provider, model);
  }

  /** Starts a tool call measured by {@link #ticker()}; closing the scope records it. */
  default ToolCallScope startToolCall(String agent, String tool) {
    return new ToolCallScope(this, agent, tool);
  }

  /** Starts a task measured by {@link #ticker()}; closing the scope records it. */
  default TaskScope startTask(String agent, String queue) {
    return new TaskScope(this, agent, queue);
  }

  /** An implementation that records nothing. */
  static AgentMetrics noop() {
    return NoopAgentMetrics.INSTANCE;
  }
}
