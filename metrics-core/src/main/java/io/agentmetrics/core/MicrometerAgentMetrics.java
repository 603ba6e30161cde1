package io.agentmetrics.core;

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
import static io.agentmetrics.api.MetricCatalogue.CACHE_REQUESTS;
import static io.agentmetrics.api.MetricCatalogue.FEATURE_USAGE;
import static io.agentmetrics.api.MetricCatalogue.LLM_INFERENCE_DURATION;
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

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.ToolCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * agentmetrics_recordings_rejected_total}, an unexpected failure is counted with reason {@code
 * internal}. Thread-safe.
 */
public final class MicrometerAgentMetrics implements AgentMetrics {

  /** Default maximum number of series per metric before new label sets overflow. */
  public static final int DEFAULT_SERIES_CAP = 2000;

  private final SelfMetrics self;
  private final LlmCallRecorder llmCalls;
  private final MeterFamily<Timer> runDurations;
  private final MeterFamily<DistributionSummary> runInferenceCalls;
  private final MeterFamily<DistributionSummary> runToolCalls;
  private final MeterFamily<AtomicLong> runsActive;
  private final MeterFamily<Timer> startups;
  private final MeterFamily<Timer> toolDurations;
  private final MeterFamily<Counter> tasksStarted;
  private final MeterFamily<Timer> taskDurations;
  private final MeterFamily<AtomicLong> tasksActive;
  private final MeterFamily<AtomicLong> queueDepths;
  private final MeterFamily<AtomicLong> tasksBlocked;
  private final MeterFamily<Counter> approvalRequests;
  private final MeterFamily<Timer> approvalResponses;
  private final MeterFamily<AtomicLong> approvalsPending;
  private final MeterFamily<Counter> approvalEscalations;
  private final MeterFamily<Counter> skillAccess;
  private final MeterFamily<Counter> permissionEscalations;
  private final MeterFamily<AtomicLong> permissionsActive;
  private final MeterFamily<Counter> policyViolations;
  private final MeterFamily<Timer> ragDurations;
  private final MeterFamily<DistributionSummary> ragDocuments;
  private final MeterFamily<DistributionSummary> ragRelevance;
  private final MeterFamily<Timer> vectorStoreQueries;
  private final MeterFamily<Counter> cacheRequests;
  private final MeterFamily<Counter> messages;
  private final MeterFamily<Counter> features;
  private final MeterFamily<AtomicLong> sessionsActive;
  private final MeterFamily<AtomicReference<Double>> budgets;

  private MicrometerAgentMetrics(Builder builder) {
    this.self = new SelfMetrics(builder.registry, builder.seriesCap);
    RegistrationFailures failures =
        RegistrationFailures.listen(builder.registry, builder.seriesCap, self);
    Meters meters = new Meters(builder.registry, builder.seriesCap, self, failures);
    this.llmCalls = new LlmCallRecorder(meters, self, builder.priceTable);
    this.runDurations = meters.timers(AGENT_RUN_DURATION);
    this.runInferenceCalls = meters.summaries(AGENT_RUN_INFERENCE_CALLS);
    this.runToolCalls = meters.summaries(AGENT_RUN_TOOL_CALLS);
    this.runsActive = meters.longGauges(AGENT_RUNS_ACTIVE);
    this.startups = meters.timers(AGENT_STARTUP_DURATION);
    this.toolDurations = meters.timers(TOOL_DURATION);
    this.tasksStarted = meters.counters(TASKS_STARTED);
    this.taskDurations = meters.timers(TASK_DURATION);
    this.tasksActive = meters.longGauges(TASKS_ACTIVE);
    this.queueDepths = meters.longGauges(TASK_QUEUE_DEPTH);
    this.tasksBlocked = meters.longGauges(TASKS_BLOCKED);
    this.approvalRequests = meters.counters(APPROVAL_REQUESTS);
    this.approvalResponses = meters.timers(APPROVAL_RESPONSE_DURATION);
    this.approvalsPending = meters.longGauges(APPROVALS_PENDING);
    this.approvalEscalations = meters.counters(APPROVAL_ESCALATIONS);
    this.skillAccess = meters.counters(SKILL_ACCESS);
    this.permissionEscalations = meters.counters(PERMISSION_ESCALATION_REQUESTS);
    this.permissionsActive = meters.longGauges(PERMISSIONS_ACTIVE);
    this.policyViolations = meters.counters(POLICY_VIOLATIONS);
    this.ragDurations = meters.timers(RAG_RETRIEVAL_DURATION);
    this.ragDocuments = meters.summaries(RAG_DOCUMENTS_RETRIEVED);
    this.ragRelevance = meters.summaries(RAG_RELEVANCE_SCORE);
    this.vectorStoreQueries = meters.timers(VECTORSTORE_QUERY_DURATION);
    this.cacheRequests = meters.counters(CACHE_REQUESTS);
    this.messages = meters.counters(MESSAGES);
    this.features = meters.counters(FEATURE_USAGE);
    this.sessionsActive = meters.longGauges(AGENT_SESSIONS_ACTIVE);
    this.budgets = meters.doubleGauges(BUDGET_LIMIT);
  }

  /** Starts a recorder on {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public void llmCall(LlmCall call) {
    if (call == null) {
      self.rejected(LLM_INFERENCE_DURATION, SelfMetrics.NULL_EVENT);
      return;
    }
    try {
      llmCalls.record(call);
    } catch (RuntimeException e) {
      self.rejected(LLM_INFERENCE_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void agentRunStarted(String agent) {
    try {
      runsActive.get(agent).incrementAndGet();
    } catch (RuntimeException e) {
      self.rejected(AGENT_RUNS_ACTIVE, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void agentRun(AgentRun run) {
    if (run == null) {
      self.rejected(AGENT_RUN_DURATION, SelfMetrics.NULL_EVENT);
      return;
    }
    try {
      decrement(runsActive.get(run.agent()));
      if (self.accepts(AGENT_RUN_DURATION, run.durationSeconds())) {
        record(
            runDurations.get(run.agent(), errorType(run.effectiveErrorType())),
            run.durationSeconds());
      }
      recordCalls(runInferenceCalls, run.agent(), run.inferenceCalls());
      recordCalls(runToolCalls, run.agent(), run.toolCalls());
    } catch (RuntimeException e) {
      self.rejected(AGENT_RUN_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void agentStartup(String agent, double seconds) {
    try {
      if (self.accepts(AGENT_STARTUP_DURATION, seconds)) {
        record(startups.get(agent), seconds);
      }
    } catch (RuntimeException e) {
      self.rejected(AGENT_STARTUP_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void toolCall(ToolCall call) {
    if (call == null) {
      self.rejected(TOOL_DURATION, SelfMetrics.NULL_EVENT);
      return;
    }
    try {
      if (self.accepts(TOOL_DURATION, call.durationSeconds())) {
        String kind = call.kind() == null ? null : call.kind().label();
        Timer timer =
            toolDurations.get(call.agent(), call.tool(), kind, errorType(call.errorType()));
        record(timer, call.durationSeconds());
      }
    } catch (RuntimeException e) {
      self.rejected(TOOL_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void taskStarted(String agent, String queue) {
    try {
      tasksStarted.get(agent, queue).increment();
      tasksActive.get(agent).incrementAndGet();
    } catch (RuntimeException e) {
      self.rejected(TASKS_STARTED, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void taskFinished(TaskResult task) {
    if (task == null) {
      self.rejected(TASK_DURATION, SelfMetrics.NULL_EVENT);
      return;
    }
    try {
      decrement(tasksActive.get(task.agent()));
      if (self.accepts(TASK_DURATION, task.durationSeconds())) {
        String status = task.status() == null ? null : task.status().label();
        record(taskDurations.get(task.agent(), task.queue(), status), task.durationSeconds());
      }
    } catch (RuntimeException e) {
      self.rejected(TASK_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void queueDepth(String queue, long depth) {
    setGauge(queueDepths, TASK_QUEUE_DEPTH, queue, depth);
  }

  @Override
  public void tasksBlocked(String queue, long blocked) {
    setGauge(tasksBlocked, TASKS_BLOCKED, queue, blocked);
  }

  @Override
  public void approvalRequested(String agent) {
    try {
      approvalRequests.get(agent).increment();
      approvalsPending.get(agent).incrementAndGet();
    } catch (RuntimeException e) {
      self.rejected(APPROVAL_REQUESTS, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void approvalDecided(String agent, ApprovalDecision decision, double waitSeconds) {
    try {
      decrement(approvalsPending.get(agent));
      if (self.accepts(APPROVAL_RESPONSE_DURATION, waitSeconds)) {
        String label = decision == null ? null : decision.label();
        record(approvalResponses.get(agent, label), waitSeconds);
      }
    } catch (RuntimeException e) {
      self.rejected(APPROVAL_RESPONSE_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void approvalEscalated(String agent) {
    increment(approvalEscalations, agent);
  }

  @Override
  public void skillAccess(String agent, String skill, boolean allowed) {
    increment(skillAccess, agent, skill, allowed ? "allowed" : "denied");
  }

  @Override
  public void permissionEscalationRequested(String agent) {
    increment(permissionEscalations, agent);
  }

  @Override
  public void activePermissions(String agent, long permissions) {
    setGauge(permissionsActive, PERMISSIONS_ACTIVE, agent, permissions);
  }

  @Override
  public void policyViolation(String agent, String violationType) {
    increment(policyViolations, agent, violationType);
  }

  @Override
  public void ragRetrieval(RagRetrieval retrieval) {
    if (retrieval == null) {
      self.rejected(RAG_RETRIEVAL_DURATION, SelfMetrics.NULL_EVENT);
      return;
    }
    try {
      String agent = retrieval.agent();
      String store = retrieval.store();
      if (self.accepts(RAG_RETRIEVAL_DURATION, retrieval.durationSeconds())) {
        record(ragDurations.get(agent, store), retrieval.durationSeconds());
      }
      if (self.accepts(RAG_DOCUMENTS_RETRIEVED, retrieval.documents())) {
        ragDocuments.get(agent, store).record(retrieval.documents());
      }
      double score = retrieval.relevanceScore();
      if (!Double.isNaN(score) && self.accepts(RAG_RELEVANCE_SCORE, score)) {
        ragRelevance.get(agent, store).record(score);
      }
      double vectorSeconds = retrieval.vectorStoreSeconds();
      if (!Double.isNaN(vectorSeconds) && self.accepts(VECTORSTORE_QUERY_DURATION, vectorSeconds)) {
        record(vectorStoreQueries.get(store), vectorSeconds);
      }
    } catch (RuntimeException e) {
      self.rejected(RAG_RETRIEVAL_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void vectorStoreQuery(String store, double seconds) {
    try {
      if (self.accepts(VECTORSTORE_QUERY_DURATION, seconds)) {
        record(vectorStoreQueries.get(store), seconds);
      }
    } catch (RuntimeException e) {
      self.rejected(VECTORSTORE_QUERY_DURATION, SelfMetrics.INTERNAL);
    }
  }

  @Override
  public void cacheLookup(String cache, boolean hit) {
    increment(cacheRequests, cache, hit ? "hit" : "miss");
  }

  @Override
  public void message(String agent, String channel, Direction direction) {
    increment(messages, agent, channel, direction == null ? null : direction.label());
  }

  @Override
  public void featureUsed(String feature) {
    increment(features, feature);
  }

  @Override
  public void activeSessions(String agent, long sessions) {
    setGauge(sessionsActive, AGENT_SESSIONS_ACTIVE, agent, sessions);
  }

  @Override
  public void budget(BudgetPeriod period, double usd) {
    try {
      if (self.accepts(BUDGET_LIMIT, usd)) {
        budgets.get(period == null ? null : period.label()).set(usd);
      }
    } catch (RuntimeException e) {
      self.rejected(BUDGET_LIMIT, SelfMetrics.INTERNAL);
    }
  }

  private void increment(MeterFamily<Counter> family, String label) {
    try {
      family.get(label).increment();
    } catch (RuntimeException e) {
      self.rejected(family.metric(), SelfMetrics.INTERNAL);
    }
  }

  private void increment(MeterFamily<Counter> family, String first, String second) {
    try {
      family.get(first, second).increment();
    } catch (RuntimeException e) {
      self.rejected(family.metric(), SelfMetrics.INTERNAL);
    }
  }

  private void increment(MeterFamily<Counter> family, String first, String second, String third) {
    try {
      family.get(first, second, third).increment();
    } catch (RuntimeException e) {
      self.rejected(family.metric(), SelfMetrics.INTERNAL);
    }
  }

  private void setGauge(
      MeterFamily<AtomicLong> family, MetricDefinition metric, String label, long value) {
    try {
      if (self.accepts(metric, value)) {
        family.get(label).set(value);
      }
    } catch (RuntimeException e) {
      self.rejected(metric, SelfMetrics.INTERNAL);
    }
  }

  private static void decrement(AtomicLong gauge) {
    gauge.updateAndGet(value -> value > 0 ? value - 1 : 0);
  }

  private static void record(Timer timer, double seconds) {
    timer.record(LlmCallRecorder.nanos(seconds), TimeUnit.NANOSECONDS);
  }

  private static String errorType(String errorType) {
    return errorType == null ? Labels.NO_ERROR : errorType;
  }

  /** One observation of a per-run call count; {@link AgentRun#NOT_REPORTED} records nothing. */
  private void recordCalls(MeterFamily<DistributionSummary> family, String agent, long calls) {
    if (calls != AgentRun.NOT_REPORTED && self.accepts(family.metric(), calls)) {
      family.get(agent).record(calls);
    }
  }

  /** Configures a {@link MicrometerAgentMetrics}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private int seriesCap = DEFAULT_SERIES_CAP;
    private PriceTable priceTable;

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

    /** The recorder. */
    public MicrometerAgentMetrics build() {
      if (priceTable == null) {
        priceTable = PriceTable.bundled();
      }
      return new MicrometerAgentMetrics(this);
    }
  }
}
