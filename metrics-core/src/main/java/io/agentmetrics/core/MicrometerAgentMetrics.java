package io.agentmetrics.core;

import static io.agentmetrics.api.MetricCatalogue.AGENT_IN_FLIGHT;
import static io.agentmetrics.api.MetricCatalogue.AGENT_IN_FLIGHT_REPORT_TIMESTAMP;
import static io.agentmetrics.api.MetricCatalogue.AGENT_QUEUE_TASKS;
import static io.agentmetrics.api.MetricCatalogue.AGENT_QUEUE_TASKS_REPORT_TIMESTAMP;
import static io.agentmetrics.api.MetricCatalogue.AGENT_RUNS_ACTIVE;
import static io.agentmetrics.api.MetricCatalogue.AGENT_RUN_DURATION;
import static io.agentmetrics.api.MetricCatalogue.AGENT_RUN_INFERENCE_CALLS;
import static io.agentmetrics.api.MetricCatalogue.AGENT_RUN_TOOL_CALLS;
import static io.agentmetrics.api.MetricCatalogue.AGENT_SESSIONS_ACTIVE;
import static io.agentmetrics.api.MetricCatalogue.AGENT_STARTUP_DURATION;
import static io.agentmetrics.api.MetricCatalogue.APPROVALS_PENDING;
import static io.agentmetrics.api.MetricCatalogue.APPROVAL_ESCALATIONS;
import static io.agentmetrics.api.MetricCatalogue.APPROVAL_REQUESTS;
import static io.agentmetrics.api.MetricCatalogue.APPROVAL_RESPONSE_DURATION;
import static io.agentmetrics.api.MetricCatalogue.BUDGET_LIMIT;
import static io.agentmetrics.api.MetricCatalogue.BUILD_INFO;
import static io.agentmetrics.api.MetricCatalogue.CACHE_REQUESTS;
import static io.agentmetrics.api.MetricCatalogue.EVALUATION_RESULTS;
import static io.agentmetrics.api.MetricCatalogue.EVALUATION_SCORE;
import static io.agentmetrics.api.MetricCatalogue.FEATURE_USAGE;
import static io.agentmetrics.api.MetricCatalogue.GUARDRAIL_CHECKS;
import static io.agentmetrics.api.MetricCatalogue.INTEGRATION_FAILURES;
import static io.agentmetrics.api.MetricCatalogue.LLM_INFERENCE_DURATION;
import static io.agentmetrics.api.MetricCatalogue.MCP_CLIENT_OPERATION_DURATION;
import static io.agentmetrics.api.MetricCatalogue.MCP_CLIENT_SESSION_DURATION;
import static io.agentmetrics.api.MetricCatalogue.MCP_SERVER_OPERATION_DURATION;
import static io.agentmetrics.api.MetricCatalogue.MESSAGES;
import static io.agentmetrics.api.MetricCatalogue.PERMISSIONS_ACTIVE;
import static io.agentmetrics.api.MetricCatalogue.PERMISSION_ESCALATION_REQUESTS;
import static io.agentmetrics.api.MetricCatalogue.POLICY_VIOLATIONS;
import static io.agentmetrics.api.MetricCatalogue.RAG_DOCUMENTS_RETRIEVED;
import static io.agentmetrics.api.MetricCatalogue.RAG_RELEVANCE_SCORE;
import static io.agentmetrics.api.MetricCatalogue.RAG_RETRIEVAL_DURATION;
import static io.agentmetrics.api.MetricCatalogue.SKILL_ACCESS;
import static io.agentmetrics.api.MetricCatalogue.TASKS_ACTIVE;
import static io.agentmetrics.api.MetricCatalogue.TASKS_BLOCKED;
import static io.agentmetrics.api.MetricCatalogue.TASKS_STARTED;
import static io.agentmetrics.api.MetricCatalogue.TASK_DURATION;
import static io.agentmetrics.api.MetricCatalogue.TASK_QUEUE_DEPTH;
import static io.agentmetrics.api.MetricCatalogue.TOOL_DURATION;
import static io.agentmetrics.api.MetricCatalogue.VECTORSTORE_QUERY_DURATION;
import static io.agentmetrics.api.MetricCatalogue.WORKFLOW_DURATION;
import static io.agentmetrics.api.MetricCatalogue.WORKFLOW_STEP_DURATION;

import io.agentmetrics.api.AccessDecision;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.CacheResult;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.GuardrailOutcome;
import io.agentmetrics.api.GuardrailStage;
import io.agentmetrics.api.InFlightWork;
import io.agentmetrics.api.Integration;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.QueuedTaskState;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.RejectReason;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.Ticker;
import io.agentmetrics.api.ToolCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link AgentMetrics} on a Micrometer {@link MeterRegistry}: the application's own registry (such
 * as Spring Boot's) or a {@code PrometheusMeterRegistry} it creates.
 *
 * <p>Every metric is the catalogue's ({@link io.agentmetrics.api.MetricCatalogue}): name, base
 * unit, help text, labels and histogram buckets. Meters are cached per label set, label values are
 * checked against their policies and caps (see the module README), and no method ever throws: an
 * invalid value is dropped or replaced by {@code _other} and counted in {@code
 * agentmetrics_recordings_rejected_total}. The only code of others that recording runs (the
 * registry and its meter filters, when a label set is first seen) runs in one guarded place, {@link
 * MeterFamily}, where a failure is counted with reason {@code internal}. Thread-safe.
 */
public final class MicrometerAgentMetrics implements AgentMetrics {

  /** Default maximum number of series per metric before new label sets overflow. */
  public static final int DEFAULT_SERIES_CAP = 2000;

  /** Default time an {@link #inFlight} report counts without a newer one from its source. */
  public static final Duration DEFAULT_IN_FLIGHT_EXPIRY = Duration.ofMinutes(2);

  private final GuardCounters guard;
  private final Ticker ticker;
  private final ValueCheck values;
  private final GuardedMeters guardedMeters;
  private final PriceTable prices;
  private final LlmSeries llmSeries;
  private final LlmCallRecorder llmCalls;
  private final MetricHandles.AgentRunDuration<Timer> runDurations;
  private final MetricHandles.AgentRunInferenceCalls<DistributionSummary> runInferenceCalls;
  private final MetricHandles.AgentRunToolCalls<DistributionSummary> runToolCalls;
  private final MetricHandles.AgentRunsActive<AtomicLong> runsActive;
  private final MetricHandles.AgentStartupDuration<Timer> startups;
  private final MetricHandles.ToolDuration<Timer> toolDurations;
  private final MetricHandles.TasksStarted<Counter> tasksStarted;
  private final MetricHandles.TaskDuration<Timer> taskDurations;
  private final MetricHandles.TasksActive<AtomicLong> tasksActive;
  private final MetricHandles.TaskQueueDepth<AtomicLong> queueDepths;
  private final MetricHandles.TasksBlocked<AtomicLong> tasksBlocked;
  private final MetricHandles.ApprovalRequests<Counter> approvalRequests;
  private final MetricHandles.ApprovalResponseDuration<Timer> approvalResponses;
  private final MetricHandles.ApprovalsPending<AtomicLong> approvalsPending;
  private final MetricHandles.ApprovalEscalations<Counter> approvalEscalations;
  private final MetricHandles.SkillAccess<Counter> skillAccess;
  private final MetricHandles.PermissionEscalationRequests<Counter> permissionEscalations;
  private final MetricHandles.PermissionsActive<AtomicLong> permissionsActive;
  private final MetricHandles.PolicyViolations<Counter> policyViolations;
  private final MetricHandles.RagRetrievalDuration<Timer> ragDurations;
  private final MetricHandles.RagDocumentsRetrieved<DistributionSummary> ragDocuments;
  private final MetricHandles.RagRelevanceScore<DistributionSummary> ragRelevance;
  private final MetricHandles.VectorstoreQueryDuration<Timer> vectorStoreQueries;
  private final MetricHandles.CacheRequests<Counter> cacheRequests;
  private final MetricHandles.EvaluationScore<DistributionSummary> evaluationScores;
  private final MetricHandles.EvaluationResults<Counter> evaluationResults;
  private final MetricHandles.GuardrailChecks<Counter> guardrailChecks;
  private final MetricHandles.McpClientOperationDuration<Timer> mcpClientOperations;
  private final MetricHandles.McpServerOperationDuration<Timer> mcpServerOperations;
  private final MetricHandles.McpClientSessionDuration<Timer> mcpClientSessions;
  private final MetricHandles.WorkflowDuration<Timer> workflowRuns;
  private final MetricHandles.WorkflowStepDuration<Timer> workflowSteps;
  private final MetricHandles.Messages<Counter> messages;
  private final MetricHandles.FeatureUsage<Counter> features;
  private final MetricHandles.IntegrationFailures<Counter> integrationFailures;
  private final MetricHandles.AgentSessionsActive<AtomicLong> sessionsActive;
  private final MetricHandles.AgentInFlight<InFlightReport> inFlight;
  private final MetricHandles.AgentQueueTasks<InFlightReport> queueReports;
  private final MetricHandles.BudgetLimit<AtomicReference<Double>> budgets;

  private MicrometerAgentMetrics(Builder builder) {
    this.ticker = builder.ticker;
    this.guard = new GuardCounters(builder.registry, builder.seriesCap);
    this.values = new ValueCheck(guard);
    RegistrationFailures failures =
        RegistrationFailures.listen(builder.registry, builder.seriesCap, guard);
    Meters meters = new Meters(builder.registry, builder.seriesCap, guard, failures);
    this.guardedMeters = new GuardedMeters(meters);
    this.prices = builder.priceTable;
    this.llmSeries = new LlmSeries(meters, values, builder.priceTable, 4 * builder.seriesCap);
    this.llmCalls = new LlmCallRecorder(llmSeries, values, new WorkflowSteps(meters));
    this.runDurations = new MetricHandles.AgentRunDuration<>(meters.timers(AGENT_RUN_DURATION));
    this.runInferenceCalls =
        new MetricHandles.AgentRunInferenceCalls<>(meters.summaries(AGENT_RUN_INFERENCE_CALLS));
    this.runToolCalls =
        new MetricHandles.AgentRunToolCalls<>(meters.summaries(AGENT_RUN_TOOL_CALLS));
    this.runsActive = new MetricHandles.AgentRunsActive<>(meters.longGauges(AGENT_RUNS_ACTIVE));
    this.startups = new MetricHandles.AgentStartupDuration<>(meters.timers(AGENT_STARTUP_DURATION));
    this.toolDurations = new MetricHandles.ToolDuration<>(meters.timers(TOOL_DURATION));
    this.tasksStarted = new MetricHandles.TasksStarted<>(meters.counters(TASKS_STARTED));
    this.taskDurations = new MetricHandles.TaskDuration<>(meters.timers(TASK_DURATION));
    this.tasksActive = new MetricHandles.TasksActive<>(meters.longGauges(TASKS_ACTIVE));
    this.queueDepths = new MetricHandles.TaskQueueDepth<>(meters.longGauges(TASK_QUEUE_DEPTH));
    this.tasksBlocked = new MetricHandles.TasksBlocked<>(meters.longGauges(TASKS_BLOCKED));
    this.approvalRequests =
        new MetricHandles.ApprovalRequests<>(meters.counters(APPROVAL_REQUESTS));
    this.approvalResponses =
        new MetricHandles.ApprovalResponseDuration<>(meters.timers(APPROVAL_RESPONSE_DURATION));
    this.approvalsPending =
        new MetricHandles.ApprovalsPending<>(meters.longGauges(APPROVALS_PENDING));
    this.approvalEscalations =
        new MetricHandles.ApprovalEscalations<>(meters.counters(APPROVAL_ESCALATIONS));
    this.skillAccess = new MetricHandles.SkillAccess<>(meters.counters(SKILL_ACCESS));
    this.permissionEscalations =
        new MetricHandles.PermissionEscalationRequests<>(
            meters.counters(PERMISSION_ESCALATION_REQUESTS));
    this.permissionsActive =
        new MetricHandles.PermissionsActive<>(meters.longGauges(PERMISSIONS_ACTIVE));
    this.policyViolations =
        new MetricHandles.PolicyViolations<>(meters.counters(POLICY_VIOLATIONS));
    this.ragDurations =
        new MetricHandles.RagRetrievalDuration<>(meters.timers(RAG_RETRIEVAL_DURATION));
    this.ragDocuments =
        new MetricHandles.RagDocumentsRetrieved<>(meters.summaries(RAG_DOCUMENTS_RETRIEVED));
    this.ragRelevance =
        new MetricHandles.RagRelevanceScore<>(meters.summaries(RAG_RELEVANCE_SCORE));
    this.vectorStoreQueries =
        new MetricHandles.VectorstoreQueryDuration<>(meters.timers(VECTORSTORE_QUERY_DURATION));
    this.cacheRequests = new MetricHandles.CacheRequests<>(meters.counters(CACHE_REQUESTS));
    this.evaluationScores = new MetricHandles.EvaluationScore<>(meters.summaries(EVALUATION_SCORE));
    this.evaluationResults =
        new MetricHandles.EvaluationResults<>(meters.counters(EVALUATION_RESULTS));
    this.guardrailChecks = new MetricHandles.GuardrailChecks<>(meters.counters(GUARDRAIL_CHECKS));
    this.mcpClientOperations =
        new MetricHandles.McpClientOperationDuration<>(
            meters.timers(MCP_CLIENT_OPERATION_DURATION));
    this.mcpServerOperations =
        new MetricHandles.McpServerOperationDuration<>(
            meters.timers(MCP_SERVER_OPERATION_DURATION));
    this.mcpClientSessions =
        new MetricHandles.McpClientSessionDuration<>(meters.timers(MCP_CLIENT_SESSION_DURATION));
    this.workflowRuns = new MetricHandles.WorkflowDuration<>(meters.timers(WORKFLOW_DURATION));
    this.workflowSteps =
        new MetricHandles.WorkflowStepDuration<>(meters.timers(WORKFLOW_STEP_DURATION));
    this.messages = new MetricHandles.Messages<>(meters.counters(MESSAGES));
    this.features = new MetricHandles.FeatureUsage<>(meters.counters(FEATURE_USAGE));
    this.integrationFailures =
        new MetricHandles.IntegrationFailures<>(meters.counters(INTEGRATION_FAILURES));
    this.sessionsActive =
        new MetricHandles.AgentSessionsActive<>(meters.longGauges(AGENT_SESSIONS_ACTIVE));
    this.inFlight =
        new MetricHandles.AgentInFlight<>(
            meters.inFlightReports(
                AGENT_IN_FLIGHT, AGENT_IN_FLIGHT_REPORT_TIMESTAMP, builder.inFlightExpiry));
    this.queueReports =
        new MetricHandles.AgentQueueTasks<>(
            meters.inFlightReports(
                AGENT_QUEUE_TASKS, AGENT_QUEUE_TASKS_REPORT_TIMESTAMP, builder.inFlightExpiry));
    this.budgets = new MetricHandles.BudgetLimit<>(meters.doubleGauges(BUDGET_LIMIT));
    new MetricHandles.BuildInfo<>(meters.doubleGauges(BUILD_INFO))
        .version(BuildInfo.version())
        .set(1.0);
  }

  /** Starts a recorder on {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /** Meters of other catalogue metrics behind this recorder's guard and counters. */
  public GuardedMeters guardedMeters() {
    return guardedMeters;
  }

  /**
   * The LLM call metrics by label set, for recordings that do not come as one {@link LlmCall} (an
   * OTLP histogram's observations): the same meters, guards and value checks.
   */
  public LlmSeries llmSeries() {
    return llmSeries;
  }

  /** The prices this recorder costs calls with. */
  public PriceTable priceTable() {
    return prices;
  }

  /**
   * Records tokens that arrive summed over calls (an OTLP metric export), with the same counters,
   * prices, guards and unknown-model count as {@link #llmCall}.
   */
  public void tokenUsage(TokenUsage usage) {
    if (usage == null) {
      guard.rejected(MetricCatalogue.LLM_INPUT_TOKENS, RejectReason.NULL_EVENT);
      return;
    }
    llmCalls.record(usage);
  }

  @Override
  public void llmCall(LlmCall call) {
    if (call == null) {
      guard.rejected(LLM_INFERENCE_DURATION, RejectReason.NULL_EVENT);
      return;
    }
    llmCalls.record(call);
  }

  @Override
  public void agentRunStarted(String agent) {
    runsActive.agent(agent).incrementAndGet();
  }

  @Override
  public void agentRun(AgentRun run) {
    if (run == null) {
      guard.rejected(AGENT_RUN_DURATION, RejectReason.NULL_EVENT);
      return;
    }
    decrement(runsActive.agent(run.agent()));
    if (values.accepts(AGENT_RUN_DURATION, run.durationSeconds())) {
      record(
          runDurations.agent(run.agent()).errorType(errorType(run.effectiveErrorType())),
          run.durationSeconds());
    }
    if (reported(AGENT_RUN_INFERENCE_CALLS, run.inferenceCalls())) {
      runInferenceCalls.agent(run.agent()).record(run.inferenceCalls());
    }
    if (reported(AGENT_RUN_TOOL_CALLS, run.toolCalls())) {
      runToolCalls.agent(run.agent()).record(run.toolCalls());
    }
  }

  @Override
  public void agentStartup(String agent, double seconds) {
    if (values.accepts(AGENT_STARTUP_DURATION, seconds)) {
      record(startups.agent(agent), seconds);
    }
  }

  @Override
  public void toolCall(ToolCall call) {
    if (call == null) {
      guard.rejected(TOOL_DURATION, RejectReason.NULL_EVENT);
      return;
    }
    if (values.accepts(TOOL_DURATION, call.durationSeconds())) {
      String kind = call.kind() == null ? null : call.kind().label();
      record(
          toolDurations
              .agent(call.agent())
              .tool(call.tool())
              .toolType(kind)
              .errorType(errorType(call.errorType())),
          call.durationSeconds());
    }
  }

  @Override
  public void taskStarted(String agent, String queue) {
    tasksStarted.agent(agent).queue(queue).increment();
    tasksActive.agent(agent).incrementAndGet();
  }

  @Override
  public void taskFinished(TaskResult task) {
    if (task == null) {
      guard.rejected(TASK_DURATION, RejectReason.NULL_EVENT);
      return;
    }
    decrement(tasksActive.agent(task.agent()));
    if (values.accepts(TASK_DURATION, task.durationSeconds())) {
      String status = task.status() == null ? null : task.status().label();
      record(
          taskDurations.agent(task.agent()).queue(task.queue()).taskStatus(status),
          task.durationSeconds());
    }
  }

  @Override
  public void queueDepth(String queue, long depth) {
    if (values.accepts(TASK_QUEUE_DEPTH, depth)) {
      queueDepths.queue(queue).set(depth);
    }
  }

  @Override
  public void tasksBlocked(String queue, long blocked) {
    if (values.accepts(TASKS_BLOCKED, blocked)) {
      tasksBlocked.queue(queue).set(blocked);
    }
  }

  @Override
  public void approvalRequested(String agent) {
    approvalRequests.agent(agent).increment();
    approvalsPending.agent(agent).incrementAndGet();
  }

  @Override
  public void approvalDecided(String agent, ApprovalDecision decision, double waitSeconds) {
    decrement(approvalsPending.agent(agent));
    if (values.accepts(APPROVAL_RESPONSE_DURATION, waitSeconds)) {
      String label = decision == null ? null : decision.label();
      record(approvalResponses.agent(agent).approvalDecision(label), waitSeconds);
    }
  }

  @Override
  public void approvalEscalated(String agent) {
    approvalEscalations.agent(agent).increment();
  }

  @Override
  public void skillAccess(String agent, String skill, boolean allowed) {
    skillAccess
        .agent(agent)
        .skill(skill)
        .accessDecision((allowed ? AccessDecision.ALLOWED : AccessDecision.DENIED).label())
        .increment();
  }

  @Override
  public void permissionEscalationRequested(String agent) {
    permissionEscalations.agent(agent).increment();
  }

  @Override
  public void activePermissions(String agent, long permissions) {
    if (values.accepts(PERMISSIONS_ACTIVE, permissions)) {
      permissionsActive.agent(agent).set(permissions);
    }
  }

  @Override
  public void policyViolation(String agent, String violationType) {
    policyViolations.agent(agent).violationType(violationType).increment();
  }

  @Override
  public void ragRetrieval(RagRetrieval retrieval) {
    if (retrieval == null) {
      guard.rejected(RAG_RETRIEVAL_DURATION, RejectReason.NULL_EVENT);
      return;
    }
    String agent = retrieval.agent();
    String store = retrieval.store();
    if (values.accepts(RAG_RETRIEVAL_DURATION, retrieval.durationSeconds())) {
      record(ragDurations.agent(agent).store(store), retrieval.durationSeconds());
    }
    if (values.accepts(RAG_DOCUMENTS_RETRIEVED, retrieval.documents())) {
      ragDocuments.agent(agent).store(store).record(retrieval.documents());
    }
    double score = retrieval.relevanceScore();
    if (!Double.isNaN(score) && values.accepts(RAG_RELEVANCE_SCORE, score)) {
      ragRelevance.agent(agent).store(store).record(score);
    }
    double vectorSeconds = retrieval.vectorStoreSeconds();
    if (!Double.isNaN(vectorSeconds)) {
      vectorStoreQuery(store, vectorSeconds);
    }
  }

  @Override
  public void vectorStoreQuery(String store, double seconds) {
    if (values.accepts(VECTORSTORE_QUERY_DURATION, seconds)) {
      record(vectorStoreQueries.store(store), seconds);
    }
  }

  @Override
  public void cacheLookup(String cache, boolean hit) {
    cacheRequests
        .cache(cache)
        .cacheResult((hit ? CacheResult.HIT : CacheResult.MISS).label())
        .increment();
  }

  @Override
  public void evaluationResult(
      String agent, String evaluation, double scoreValue, String scoreLabel) {
    evaluationResults
        .agent(agent)
        .evaluationName(evaluation)
        .evaluationScoreLabel(scoreLabel == null ? "" : scoreLabel)
        .increment();
    if (!Double.isNaN(scoreValue) && values.accepts(EVALUATION_SCORE, scoreValue)) {
      evaluationScores.agent(agent).evaluationName(evaluation).record(scoreValue);
    }
  }

  @Override
  public void guardrailChecked(
      String agent, String guardrail, GuardrailStage stage, GuardrailOutcome outcome) {
    guardrailChecks
        .agent(agent)
        .guardrail(guardrail)
        .guardrailStage(stage == null ? null : stage.label())
        .guardrailOutcome(outcome == null ? null : outcome.label())
        .increment();
  }

  @Override
  public void mcpClientOperation(
      String method, String tool, String transport, double durationSeconds, String errorType) {
    if (values.accepts(MCP_CLIENT_OPERATION_DURATION, durationSeconds)) {
      record(
          mcpClientOperations
              .mcpMethod(method)
              .mcpTool(tool == null ? "" : tool)
              .errorType(errorType(errorType))
              .networkTransport(transport),
          durationSeconds);
    }
  }

  @Override
  public void mcpServerOperation(
      String method, String tool, String transport, double durationSeconds, String errorType) {
    if (values.accepts(MCP_SERVER_OPERATION_DURATION, durationSeconds)) {
      record(
          mcpServerOperations
              .mcpMethod(method)
              .mcpTool(tool == null ? "" : tool)
              .errorType(errorType(errorType))
              .networkTransport(transport),
          durationSeconds);
    }
  }

  @Override
  public void mcpClientSession(String transport, double durationSeconds, String errorType) {
    if (values.accepts(MCP_CLIENT_SESSION_DURATION, durationSeconds)) {
      record(
          mcpClientSessions.errorType(errorType(errorType)).networkTransport(transport),
          durationSeconds);
    }
  }

  @Override
  public void workflowRun(String workflow, double durationSeconds, String errorType) {
    if (values.accepts(WORKFLOW_DURATION, durationSeconds)) {
      record(workflowRuns.workflow(workflow).errorType(errorType(errorType)), durationSeconds);
    }
  }

  @Override
  public void workflowStep(String workflow, String step, double durationSeconds, String errorType) {
    if (values.accepts(WORKFLOW_STEP_DURATION, durationSeconds)) {
      record(
          workflowSteps.workflow(workflow).workflowStep(step).errorType(errorType(errorType)),
          durationSeconds);
    }
  }

  @Override
  public void message(String agent, String channel, Direction direction) {
    messages
        .agent(agent)
        .channel(channel)
        .direction(direction == null ? null : direction.label())
        .increment();
  }

  @Override
  public void featureUsed(String feature) {
    features.feature(feature).increment();
  }

  @Override
  public void activeSessions(String agent, long sessions) {
    if (values.accepts(AGENT_SESSIONS_ACTIVE, sessions)) {
      sessionsActive.agent(agent).set(sessions);
    }
  }

  @Override
  public void budget(BudgetPeriod period, String team, double usd) {
    if (values.accepts(BUDGET_LIMIT, usd)) {
      budgets
          .budgetPeriod(period == null ? null : period.label())
          .team(team == null ? "" : team)
          .set(usd);
    }
  }

  @Override
  public void integrationFailed(Integration integration) {
    integrationFailures.integration(integration == null ? null : integration.label()).increment();
  }

  @Override
  public void inFlight(String source, String agent, InFlightWork work, long count) {
    if (values.accepts(AGENT_IN_FLIGHT, count)) {
      inFlight
          .agent(agent)
          .source(source)
          .inFlightWork(work == null ? null : work.label())
          .report(count);
    }
  }

  @Override
  public void queueReport(String source, String queue, QueuedTaskState state, long count) {
    if (values.accepts(AGENT_QUEUE_TASKS, count)) {
      queueReports
          .queue(queue)
          .source(source)
          .queuedTaskState(state == null ? null : state.label())
          .report(count);
    }
  }

  private static void decrement(AtomicLong gauge) {
    gauge.updateAndGet(value -> value > 0 ? value - 1 : 0);
  }

  private static void record(Timer timer, double seconds) {
    timer.record(LlmSeries.nanos(seconds), TimeUnit.NANOSECONDS);
  }

  private static String errorType(String errorType) {
    return errorType == null ? Labels.NO_ERROR : errorType;
  }

  /**
   * Whether a per-run call count is to be recorded: reported ({@link AgentRun#NOT_REPORTED} is not)
   * and valid.
   */
  private boolean reported(MetricDefinition metric, long calls) {
    return calls != AgentRun.NOT_REPORTED && values.accepts(metric, calls);
  }

  @Override
  public Ticker ticker() {
    return ticker;
  }

  /** Configures a {@link MicrometerAgentMetrics}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private Duration inFlightExpiry = DEFAULT_IN_FLIGHT_EXPIRY;
    private int seriesCap = DEFAULT_SERIES_CAP;
    private PriceTable priceTable;
    private Ticker ticker = Ticker.SYSTEM;

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Maximum number of series (label sets) per metric, {@value
     * MicrometerAgentMetrics#DEFAULT_SERIES_CAP} by default; past it new label sets are recorded
     * under {@code _other}.
     */
    public Builder seriesCap(int cap) {
      if (cap < 1) {
        throw new IllegalArgumentException("seriesCap must be at least 1, was " + cap);
      }
      this.seriesCap = cap;
      return this;
    }

    /** The prices that turn token counts into cost; {@link PriceTable#bundled()} by default. */
    public Builder priceTable(PriceTable table) {
      this.priceTable = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * How long an {@link #inFlight} report counts without a newer one from its source; {@link
     * #DEFAULT_IN_FLIGHT_EXPIRY} by default. Agents report at least twice per expiry.
     */
    public Builder inFlightExpiry(Duration expiry) {
      if (expiry.isNegative() || expiry.isZero()) {
        throw new IllegalArgumentException("inFlightExpiry must be positive, was " + expiry);
      }
      this.inFlightExpiry = expiry;
      return this;
    }

    /** The clock the recording scopes measure with; {@link Ticker#SYSTEM} by default. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The recorder. */
    public MicrometerAgentMetrics build() {
      if (priceTable == null) {
        priceTable = PriceTable.bundled();
      }
      return new MicrometerAgentMetrics(this);
    }
  }
}
