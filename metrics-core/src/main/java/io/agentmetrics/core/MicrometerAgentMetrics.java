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
import static io.agentmetrics.api.MetricCatalogue.INTEGRATION_FAILURES;
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

import io.agentmetrics.api.AccessDecision;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.CacheResult;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.InFlightWork;
import io.agentmetrics.api.Integration;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.MetricCatalogue;
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
  private final MeterFamily<DistributionSummary> evaluationScores;
  private final MeterFamily<Counter> evaluationResults;
  private final MeterFamily<Counter> messages;
  private final MeterFamily<Counter> features;
  private final MeterFamily<Counter> integrationFailures;
  private final MeterFamily<AtomicLong> sessionsActive;
  private final MeterFamily<InFlightReport> inFlight;
  private final MeterFamily<InFlightReport> queueReports;
  private final MeterFamily<AtomicReference<Double>> budgets;

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
    this.llmCalls = new LlmCallRecorder(llmSeries, values);
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
    this.evaluationScores = meters.summaries(EVALUATION_SCORE);
    this.evaluationResults = meters.counters(EVALUATION_RESULTS);
    this.messages = meters.counters(MESSAGES);
    this.features = meters.counters(FEATURE_USAGE);
    this.integrationFailures = meters.counters(INTEGRATION_FAILURES);
    this.sessionsActive = meters.longGauges(AGENT_SESSIONS_ACTIVE);
    this.inFlight =
        meters.inFlightReports(
            AGENT_IN_FLIGHT, AGENT_IN_FLIGHT_REPORT_TIMESTAMP, builder.inFlightExpiry);
    this.queueReports =
        meters.inFlightReports(
            AGENT_QUEUE_TASKS, AGENT_QUEUE_TASKS_REPORT_TIMESTAMP, builder.inFlightExpiry);
    this.budgets = meters.doubleGauges(BUDGET_LIMIT);
    meters.doubleGauges(BUILD_INFO).get(BuildInfo.version()).set(1.0);
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
    runsActive.get(agent).incrementAndGet();
  }

  @Override
  public void agentRun(AgentRun run) {
    if (run == null) {
      guard.rejected(AGENT_RUN_DURATION, RejectReason.NULL_EVENT);
      return;
    }
    decrement(runsActive.get(run.agent()));
    if (values.accepts(AGENT_RUN_DURATION, run.durationSeconds())) {
      record(
          runDurations.get(run.agent(), errorType(run.effectiveErrorType())),
          run.durationSeconds());
    }
    recordCalls(runInferenceCalls, run.agent(), run.inferenceCalls());
    recordCalls(runToolCalls, run.agent(), run.toolCalls());
  }

  @Override
  public void agentStartup(String agent, double seconds) {
    if (values.accepts(AGENT_STARTUP_DURATION, seconds)) {
      record(startups.get(agent), seconds);
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
          toolDurations.get(call.agent(), call.tool(), kind, errorType(call.errorType())),
          call.durationSeconds());
    }
  }

  @Override
  public void taskStarted(String agent, String queue) {
    tasksStarted.get(agent, queue).increment();
    tasksActive.get(agent).incrementAndGet();
  }

  @Override
  public void taskFinished(TaskResult task) {
    if (task == null) {
      guard.rejected(TASK_DURATION, RejectReason.NULL_EVENT);
      return;
    }
    decrement(tasksActive.get(task.agent()));
    if (values.accepts(TASK_DURATION, task.durationSeconds())) {
      String status = task.status() == null ? null : task.status().label();
      record(taskDurations.get(task.agent(), task.queue(), status), task.durationSeconds());
    }
  }

  @Override
  public void queueDepth(String queue, long depth) {
    setGauge(queueDepths, queue, depth);
  }

  @Override
  public void tasksBlocked(String queue, long blocked) {
    setGauge(tasksBlocked, queue, blocked);
  }

  @Override
  public void approvalRequested(String agent) {
    approvalRequests.get(agent).increment();
    approvalsPending.get(agent).incrementAndGet();
  }

  @Override
  public void approvalDecided(String agent, ApprovalDecision decision, double waitSeconds) {
    decrement(approvalsPending.get(agent));
    if (values.accepts(APPROVAL_RESPONSE_DURATION, waitSeconds)) {
      String label = decision == null ? null : decision.label();
      record(approvalResponses.get(agent, label), waitSeconds);
    }
  }

  @Override
  public void approvalEscalated(String agent) {
    approvalEscalations.get(agent).increment();
  }

  @Override
  public void skillAccess(String agent, String skill, boolean allowed) {
    skillAccess
        .get(agent, skill, (allowed ? AccessDecision.ALLOWED : AccessDecision.DENIED).label())
        .increment();
  }

  @Override
  public void permissionEscalationRequested(String agent) {
    permissionEscalations.get(agent).increment();
  }

  @Override
  public void activePermissions(String agent, long permissions) {
    setGauge(permissionsActive, agent, permissions);
  }

  @Override
  public void policyViolation(String agent, String violationType) {
    policyViolations.get(agent, violationType).increment();
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
      record(ragDurations.get(agent, store), retrieval.durationSeconds());
    }
    if (values.accepts(RAG_DOCUMENTS_RETRIEVED, retrieval.documents())) {
      ragDocuments.get(agent, store).record(retrieval.documents());
    }
    double score = retrieval.relevanceScore();
    if (!Double.isNaN(score) && values.accepts(RAG_RELEVANCE_SCORE, score)) {
      ragRelevance.get(agent, store).record(score);
    }
    double vectorSeconds = retrieval.vectorStoreSeconds();
    if (!Double.isNaN(vectorSeconds)) {
      vectorStoreQuery(store, vectorSeconds);
    }
  }

  @Override
  public void vectorStoreQuery(String store, double seconds) {
    if (values.accepts(VECTORSTORE_QUERY_DURATION, seconds)) {
      record(vectorStoreQueries.get(store), seconds);
    }
  }

  @Override
  public void cacheLookup(String cache, boolean hit) {
    cacheRequests.get(cache, (hit ? CacheResult.HIT : CacheResult.MISS).label()).increment();
  }

  @Override
  public void evaluationResult(
      String agent, String evaluation, double scoreValue, String scoreLabel) {
    evaluationResults.get(agent, evaluation, scoreLabel == null ? "" : scoreLabel).increment();
    if (!Double.isNaN(scoreValue) && values.accepts(EVALUATION_SCORE, scoreValue)) {
      evaluationScores.get(agent, evaluation).record(scoreValue);
    }
  }

  @Override
  public void message(String agent, String channel, Direction direction) {
    messages.get(agent, channel, direction == null ? null : direction.label()).increment();
  }

  @Override
  public void featureUsed(String feature) {
    features.get(feature).increment();
  }

  @Override
  public void activeSessions(String agent, long sessions) {
    setGauge(sessionsActive, agent, sessions);
  }

  @Override
  public void budget(BudgetPeriod period, String team, double usd) {
    if (values.accepts(BUDGET_LIMIT, usd)) {
      budgets.get(period == null ? null : period.label(), team == null ? "" : team).set(usd);
    }
  }

  @Override
  public void integrationFailed(Integration integration) {
    integrationFailures.get(integration == null ? null : integration.label()).increment();
  }

  @Override
  public void inFlight(String source, String agent, InFlightWork work, long count) {
    if (values.accepts(AGENT_IN_FLIGHT, count)) {
      inFlight.get(agent, source, work == null ? null : work.label()).report(count);
    }
  }

  @Override
  public void queueReport(String source, String queue, QueuedTaskState state, long count) {
    if (values.accepts(AGENT_QUEUE_TASKS, count)) {
      queueReports.get(queue, source, state == null ? null : state.label()).report(count);
    }
  }

  private void setGauge(MeterFamily<AtomicLong> family, String label, long value) {
    if (values.accepts(family.metric(), value)) {
      family.get(label).set(value);
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

  /** One observation of a per-run call count; {@link AgentRun#NOT_REPORTED} records nothing. */
  private void recordCalls(MeterFamily<DistributionSummary> family, String agent, long calls) {
    if (calls != AgentRun.NOT_REPORTED && values.accepts(family.metric(), calls)) {
      family.get(agent).record(calls);
    }
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
