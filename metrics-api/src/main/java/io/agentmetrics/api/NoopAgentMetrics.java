package io.agentmetrics.api;

/** An {@link AgentMetrics} that records nothing; see {@link AgentMetrics#noop()}. */
final class NoopAgentMetrics implements AgentMetrics, DeclaredEvents.Noop {

  static final NoopAgentMetrics INSTANCE = new NoopAgentMetrics();

  private NoopAgentMetrics() {}

  @Override
  public void llmCall(LlmCall call) {}

  @Override
  public void agentRunStarted(String agent) {}

  @Override
  public void agentRun(AgentRun run) {}

  @Override
  public void agentStartup(String agent, double seconds) {}

  @Override
  public void toolCall(ToolCall call) {}

  @Override
  public void taskStarted(String agent, String queue) {}

  @Override
  public void taskFinished(TaskResult task) {}

  @Override
  public void queueDepth(String queue, long depth) {}

  @Override
  public void tasksBlocked(String queue, long blocked) {}

  @Override
  public void skillAccess(String agent, String skill, boolean allowed) {}

  @Override
  public void permissionEscalationRequested(String agent) {}

  @Override
  public void activePermissions(String agent, long permissions) {}

  @Override
  public void policyViolation(String agent, String violationType) {}

  @Override
  public void ragRetrieval(RagRetrieval retrieval) {}

  @Override
  public void vectorStoreQuery(String store, double seconds) {}

  @Override
  public void cacheLookup(String cache, boolean hit) {}

  @Override
  public void featureUsed(String feature) {}

  @Override
  public void activeSessions(String agent, long sessions) {}

  @Override
  public void inFlight(String source, String agent, InFlightWork work, long count) {}

  @Override
  public void queueReport(String source, String queue, QueuedTaskState state, long count) {}

  @Override
  public void budget(BudgetPeriod period, String team, double usd) {}

  @Override
  public void integrationFailed(Integration integration) {}
}
