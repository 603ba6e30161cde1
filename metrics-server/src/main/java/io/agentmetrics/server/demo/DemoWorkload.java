package io.agentmetrics.server.demo;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.GuardrailOutcome;
import io.agentmetrics.api.GuardrailStage;
import io.agentmetrics.api.InFlightWork;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.McpNames;
import io.agentmetrics.api.QueuedTaskState;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.TaskStatus;
import io.agentmetrics.api.ToolCall;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.server.demo.DemoFleet.Agent;
import io.agentmetrics.server.demo.DemoFleet.Model;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A simulated fleet of agents recording through {@link AgentMetrics} on a scheduler: LLM calls with
 * realistic latency and token distributions and a few percent of errors, tool and skill calls,
 * tasks, approvals with waits and escalations, security checks, RAG retrievals, cache lookups,
 * messages, budgets and sessions. The first tick records every kind of event once, so every agent
 * metric of the catalogue has series at once. The same seed gives the same sequence of events.
 */
public final class DemoWorkload implements AutoCloseable {

  /** Ticks per second of simulated time. */
  static final int TICKS_PER_SECOND = 10;

  private final AgentMetrics metrics;
  private final Sampler sample;
  private final AgentActivity activity;
  private final Deque<InFlight> runs = new ArrayDeque<>();
  private final Deque<InFlight> tasks = new ArrayDeque<>();
  private final Deque<InFlight> approvals = new ArrayDeque<>();
  private final Map<String, Long> queueDepth = new HashMap<>();
  private final Map<String, Long> sessions = new HashMap<>();
  private final Map<String, Long> permissions = new HashMap<>();
  private ScheduledExecutorService scheduler;
  private long tick;

  /** An agent's piece of work that finishes at a later tick. */
  record InFlight(Agent agent, double seconds, long endTick) {}

  /** The {@code source} of the demo's in-flight reports. */
  static final String SOURCE = "demo";

  /** A workload recording into {@code metrics}, its random choices drawn from {@code seed}. */
  public DemoWorkload(AgentMetrics metrics, long seed) {
    this.metrics = metrics;
    this.sample = new Sampler(seed);
    this.activity = new AgentActivity(metrics, sample);
  }

  /** Starts recording on a background thread, {@value #TICKS_PER_SECOND} ticks a second. */
  public synchronized DemoWorkload start() {
    if (scheduler == null) {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "agentmetrics-demo");
                thread.setDaemon(true);
                return thread;
              });
      scheduler.scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Stops recording. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  /** One step of simulated time; the first one records every kind of event once. */
  synchronized void tick() {
    if (tick == 0) {
      startFleet();
    }
    int newRuns = sample.chance(0.5) ? 1 : 0;
    for (int i = 0; i < newRuns + (sample.chance(0.2) ? 1 : 0); i++) {
      startRun(sample.pick(DemoFleet.AGENTS));
    }
    finishDue(runs, activity::finishRun);
    finishDue(tasks, activity::finishTask);
    finishDue(approvals, activity::decideApproval);
    if (tick % TICKS_PER_SECOND == 0) {
      updateGauges();
    }
    tick++;
  }

  private void startFleet() {
    metrics.budget(BudgetPeriod.DAILY, 250);
    metrics.budget(BudgetPeriod.MONTHLY, 6000);
    for (Agent agent : DemoFleet.AGENTS) {
      metrics.budget(BudgetPeriod.DAILY, agent.queue(), 60); // its team: the agent's queue
    }
    for (Agent agent : DemoFleet.AGENTS) {
      metrics.agentStartup(agent.name(), sample.logNormal(1.5, 0.4));
      long granted = sample.intBetween(3, 12);
      permissions.put(agent.name(), granted);
      metrics.activePermissions(agent.name(), granted);
      queueDepth.put(agent.queue(), (long) sample.intBetween(2, 20));
      sessions.put(agent.name(), (long) sample.intBetween(5, 40));
    }
    updateGauges();
    Agent first = DemoFleet.AGENTS.get(0);
    // One of everything, so that every metric has series from the first scrape on.
    startRun(first);
    metrics.agentRunStarted(first.name());
    metrics.agentRun(AgentRun.success(first.name(), 3.2).withCalls(3, 2));
    Model model = first.model();
    metrics.llmCall(
        LlmCall.builder(model.provider(), model.name())
            .agent(first.name())
            .team(first.queue())
            .durationSeconds(2.1)
            .timeToFirstChunkSeconds(0.4)
            .chunkIntervalsSeconds(0.03, 0.05, 0.04)
            .tokens(1800, 420)
            .cachedTokens(600)
            .cacheWriteTokens(300)
            .reasoningTokens(120)
            .tokensSavedByCompression(300)
            .tokensSavedByRouting(500)
            .build());
    activity.llmCall(first, model, false, DemoFleet.LLM_ERRORS.get(0));
    metrics.toolCall(new ToolCall(first.name(), first.tools().get(0), ToolKind.TOOL, 0.2, null));
    metrics.toolCall(new ToolCall(first.name(), first.skills().get(0), ToolKind.SKILL, 0.4, null));
    metrics.skillAccess(first.name(), first.skills().get(0), true);
    metrics.skillAccess(first.name(), first.skills().get(1), false);
    metrics.permissionEscalationRequested(first.name());
    metrics.policyViolation(first.name(), DemoFleet.VIOLATIONS.get(0));
    metrics.approvalRequested(first.name());
    metrics.approvalDecided(first.name(), ApprovalDecision.APPROVED, 42);
    metrics.approvalEscalated(first.name());
    String store = DemoFleet.VECTOR_STORES.get(0);
    metrics.ragRetrieval(new RagRetrieval(first.name(), store, 0.18, 5, 0.82, 0.04));
    metrics.vectorStoreQuery(DemoFleet.VECTOR_STORES.get(1), 0.03);
    metrics.featureUsed(DemoFleet.FEATURES.get(0));
    metrics.message(first.name(), first.channel(), Direction.OUTBOUND);
    metrics.taskStarted(first.name(), first.queue());
    metrics.taskFinished(new TaskResult(first.name(), first.queue(), TaskStatus.COMPLETED, 12));
    for (String cache : DemoFleet.CACHES) {
      metrics.cacheLookup(cache, true);
      metrics.cacheLookup(cache, false);
    }
  }

  private void startRun(Agent agent) {
    metrics.agentRunStarted(agent.name());
    metrics.message(agent.name(), agent.channel(), Direction.INBOUND);
    if (sample.chance(0.6)) {
      metrics.taskStarted(agent.name(), agent.queue());
      tasks.add(inFlight(agent, sample.logNormal(20, 0.8)));
    }
    boolean cached = sample.chance(0.35);
    metrics.cacheLookup("response", cached);
    double relevance = sample.between(0.45, 1.0);
    metrics.evaluationResult(
        agent.name(), "relevance", relevance, relevance >= 0.6 ? "relevant" : "irrelevant");
    metrics.guardrailChecked(
        agent.name(),
        "prompt_injection",
        GuardrailStage.INPUT,
        sample.chance(0.03) ? GuardrailOutcome.FAILED : GuardrailOutcome.PASSED);
    metrics.guardrailChecked(
        agent.name(),
        "no_pii",
        GuardrailStage.OUTPUT,
        sample.chance(0.05) ? GuardrailOutcome.REPROMPTED : GuardrailOutcome.PASSED);
    String docsTool = "search_docs";
    boolean toolFailed = sample.chance(0.04);
    double toolSeconds = sample.between(0.05, 0.8);
    metrics.mcpClientOperation(
        McpNames.TOOLS_CALL,
        docsTool,
        McpNames.TCP,
        toolSeconds + 0.02,
        toolFailed ? McpNames.TOOL_ERROR : null);
    metrics.mcpServerOperation(
        McpNames.TOOLS_CALL,
        docsTool,
        McpNames.TCP,
        toolSeconds,
        toolFailed ? McpNames.TOOL_ERROR : null);
    if (sample.chance(0.05)) {
      metrics.mcpClientOperation(
          "tools/list", null, McpNames.TCP, sample.between(0.01, 0.05), null);
      metrics.mcpClientSession(McpNames.TCP, sample.between(60, 600), null);
    }
    if (!cached) {
      activity.ragRetrieval(agent);
      boolean routed = sample.chance(0.3);
      int calls = sample.intBetween(1, 3);
      for (int i = 0; i < calls; i++) {
        Model model = routed ? agent.routedModel() : agent.model();
        activity.llmCall(
            agent,
            model,
            sample.chance(0.7),
            sample.chance(0.03) ? sample.pick(DemoFleet.LLM_ERRORS) : null);
      }
      activity.toolCalls(agent);
      activity.securityChecks(agent);
      if (sample.chance(0.2)) {
        activity.refundReview(agent);
      }
    }
    if (sample.chance(0.05)) {
      metrics.approvalRequested(agent.name());
      approvals.add(inFlight(agent, sample.logNormal(45, 1.2)));
    }
    if (sample.chance(0.3)) {
      metrics.featureUsed(sample.pick(DemoFleet.FEATURES));
    }
    runs.add(inFlight(agent, sample.logNormal(agent.model().medianSeconds() * 3, 0.6)));
  }

  private void updateGauges() {
    for (Agent agent : DemoFleet.AGENTS) {
      long open = Math.max(0, sessions.get(agent.name()) + sample.intBetween(-3, 3));
      sessions.put(agent.name(), open);
      metrics.activeSessions(agent.name(), open);
      long depth = Math.max(0, queueDepth.get(agent.queue()) + sample.intBetween(-4, 4));
      queueDepth.put(agent.queue(), depth);
      long blocked = Math.min(depth, sample.intBetween(0, 3));
      metrics.queueDepth(agent.queue(), depth);
      metrics.tasksBlocked(agent.queue(), blocked);
      // The demo is one agent process: it reports its work in flight as agents behind several
      // server replicas do.
      metrics.inFlight(SOURCE, agent.name(), InFlightWork.RUNS, count(runs, agent));
      metrics.inFlight(SOURCE, agent.name(), InFlightWork.TASKS, count(tasks, agent));
      metrics.inFlight(SOURCE, agent.name(), InFlightWork.APPROVALS, count(approvals, agent));
      metrics.inFlight(SOURCE, agent.name(), InFlightWork.SESSIONS, open);
      metrics.inFlight(
          SOURCE, agent.name(), InFlightWork.PERMISSIONS, permissions.get(agent.name()));
      metrics.queueReport(SOURCE, agent.queue(), QueuedTaskState.WAITING, depth);
      metrics.queueReport(SOURCE, agent.queue(), QueuedTaskState.BLOCKED, blocked);
    }
  }

  private static long count(Deque<InFlight> work, Agent agent) {
    return work.stream().filter(item -> item.agent().equals(agent)).count();
  }

  private InFlight inFlight(Agent agent, double simulatedSeconds) {
    long ticks = Math.max(1, Math.min(600, Math.round(simulatedSeconds * TICKS_PER_SECOND)));
    return new InFlight(agent, simulatedSeconds, tick + ticks);
  }

  private void finishDue(Deque<InFlight> inFlight, java.util.function.Consumer<InFlight> finish) {
    for (Iterator<InFlight> it = inFlight.iterator(); it.hasNext(); ) {
      InFlight item = it.next();
      if (item.endTick() <= tick) {
        it.remove();
        finish.accept(item);
      }
    }
  }
}
