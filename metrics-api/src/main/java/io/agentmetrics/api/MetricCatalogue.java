package io.agentmetrics.api;

import static io.agentmetrics.api.Labels.ACCESS_DECISION;
import static io.agentmetrics.api.Labels.AGENT;
import static io.agentmetrics.api.Labels.APPROVAL_DECISION;
import static io.agentmetrics.api.Labels.BUDGET_PERIOD;
import static io.agentmetrics.api.Labels.CACHE;
import static io.agentmetrics.api.Labels.CACHE_RESULT;
import static io.agentmetrics.api.Labels.CHANNEL;
import static io.agentmetrics.api.Labels.DIRECTION;
import static io.agentmetrics.api.Labels.ERROR_TYPE;
import static io.agentmetrics.api.Labels.FEATURE;
import static io.agentmetrics.api.Labels.HTTP_METHOD;
import static io.agentmetrics.api.Labels.HTTP_OUTCOME;
import static io.agentmetrics.api.Labels.HTTP_STATUS;
import static io.agentmetrics.api.Labels.HTTP_URI;
import static io.agentmetrics.api.Labels.INTEGRATION;
import static io.agentmetrics.api.Labels.METRIC;
import static io.agentmetrics.api.Labels.MODEL;
import static io.agentmetrics.api.Labels.OPERATION;
import static io.agentmetrics.api.Labels.PROVIDER;
import static io.agentmetrics.api.Labels.QUEUE;
import static io.agentmetrics.api.Labels.REJECT_REASON;
import static io.agentmetrics.api.Labels.SAVING_MECHANISM;
import static io.agentmetrics.api.Labels.SKILL;
import static io.agentmetrics.api.Labels.STORE;
import static io.agentmetrics.api.Labels.TASK_STATUS;
import static io.agentmetrics.api.Labels.TEAM;
import static io.agentmetrics.api.Labels.TOKEN_MODALITY;
import static io.agentmetrics.api.Labels.TOOL;
import static io.agentmetrics.api.Labels.TOOL_TYPE;
import static io.agentmetrics.api.Labels.VIOLATION_TYPE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single source of truth for every metric agentmetrics records: an application's, the server's
 * own, the HTTP and JVM meters. Dashboards, alert rules, the ingest API and docs/metrics.md are all
 * checked against it; the series of the exporters and of Prometheus that they read as well are
 * declared apart, in catalogue-tools' {@code exporter-series.yaml}, out of every application's
 * classpath.
 */
public final class MetricCatalogue {

  private static final List<MetricDefinition> ALL = new ArrayList<>();

  // ---- LLM calls (OpenTelemetry GenAI semantic conventions, see SPEC_VERSION) ----

  /**
   * The version of the OpenTelemetry GenAI semantic conventions whose names, units, attributes and
   * bucket advice the {@code gen_ai.*} metrics follow.
   */
  public static final String SPEC_VERSION = "semantic-conventions-genai v0.1.0";

  private static final List<Double> GEN_AI_DURATION_BUCKETS = exponential(0.01, 2, 14);
  private static final List<Double> GEN_AI_TOKEN_BUCKETS = exponential(1, 4, 14);

  /** Duration of LLM inference calls; its count is the number of calls, by error type. */
  public static final MetricDefinition LLM_INFERENCE_DURATION =
      add(
          "gen_ai.client.inference.duration",
          MetricType.TIMER,
          null,
          "Duration of GenAI client inference operations (LLM calls); error_type is set on failures only.",
          Origin.AGENT,
          List.of(OPERATION, PROVIDER, MODEL, ERROR_TYPE),
          GEN_AI_DURATION_BUCKETS);

  /** Time to the first chunk of a streamed LLM response. */
  public static final MetricDefinition LLM_TIME_TO_FIRST_CHUNK =
      add(
          "gen_ai.client.inference.time_to_first_chunk",
          MetricType.TIMER,
          null,
          "Time from issuing a streaming GenAI request to receiving the first chunk (time to first token).",
          Origin.AGENT,
          List.of(OPERATION, PROVIDER, MODEL),
          List.of(
              0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
              10.0));

  /**
   * Time per output chunk of a streamed LLM response, one observation per chunk after the first.
   */
  public static final MetricDefinition LLM_TIME_PER_OUTPUT_CHUNK =
      add(
          "gen_ai.client.inference.time_per_output_chunk",
          MetricType.TIMER,
          null,
          "Time between consecutive chunks of a streamed GenAI response, recorded for each chunk after the first.",
          Origin.AGENT,
          List.of(OPERATION, PROVIDER, MODEL),
          GEN_AI_DURATION_BUCKETS);

  /** Input tokens, including cache reads and writes: the total input. */
  public static final MetricDefinition LLM_INPUT_TOKENS =
      tokenCounter(
          "gen_ai.client.inference.usage.input_tokens",
          "Input (prompt) tokens used, including cached ones, by agent and team.");

  /** Output tokens, including reasoning: the total output. */
  public static final MetricDefinition LLM_OUTPUT_TOKENS =
      tokenCounter(
          "gen_ai.client.inference.usage.output_tokens",
          "Output (completion) tokens used, including reasoning ones, by agent and team.");

  /** Input tokens read from the provider's prompt cache: a part of the input tokens. */
  public static final MetricDefinition LLM_CACHE_READ_TOKENS =
      tokenCounter(
          "gen_ai.client.inference.usage.cache_read.input_tokens",
          "Input tokens served from the provider's prompt cache (a part of input_tokens, never to add to it).");

  /** Input tokens written to the provider's prompt cache: a part of the input tokens. */
  public static final MetricDefinition LLM_CACHE_WRITE_TOKENS =
      tokenCounter(
          "gen_ai.client.inference.usage.cache_write.input_tokens",
          "Input tokens written to the provider's prompt cache (a part of input_tokens, never to add to it).");

  /** Output tokens spent on reasoning: a part of the output tokens. */
  public static final MetricDefinition LLM_REASONING_TOKENS =
      tokenCounter(
          "gen_ai.client.inference.usage.reasoning.output_tokens",
          "Output tokens spent on reasoning (a part of output_tokens, never to add to it).");

  /** Input tokens per call: percentiles and outliers, never totals. */
  public static final MetricDefinition LLM_CALL_INPUT_TOKENS =
      add(
          "gen_ai.client.inference.operation.input_tokens",
          MetricType.DISTRIBUTION_SUMMARY,
          null,
          "Input tokens per GenAI inference call, for percentiles and outliers (use usage counters for totals).",
          Origin.AGENT,
          List.of(OPERATION, PROVIDER, MODEL),
          GEN_AI_TOKEN_BUCKETS);

  /** Output tokens per call: percentiles and outliers, never totals. */
  public static final MetricDefinition LLM_CALL_OUTPUT_TOKENS =
      add(
          "gen_ai.client.inference.operation.output_tokens",
          MetricType.DISTRIBUTION_SUMMARY,
          null,
          "Output tokens per GenAI inference call, for percentiles and outliers (use usage counters for totals).",
          Origin.AGENT,
          List.of(OPERATION, PROVIDER, MODEL),
          GEN_AI_TOKEN_BUCKETS);

  /** Tokens not spent thanks to caching, compression or model routing. */
  public static final MetricDefinition TOKENS_SAVED =
      add(
          "agent.tokens.saved",
          MetricType.COUNTER,
          null,
          "Tokens saved by prompt caching, context compression or routing to a smaller model.",
          Origin.AGENT,
          List.of(PROVIDER, MODEL, SAVING_MECHANISM),
          List.of());

  // ---- Cost ----

  /** Cost in US dollars, computed from tokens with the price table or reported by the provider. */
  public static final MetricDefinition COST =
      add(
          "agent.cost",
          MetricType.COUNTER,
          "usd",
          "Cost of LLM calls in US dollars, by provider, model, agent and team.",
          Origin.AGENT,
          List.of(PROVIDER, MODEL, AGENT, TEAM),
          List.of());

  /** The configured spending budget. */
  public static final MetricDefinition BUDGET_LIMIT =
      add(
          "agent.budget.limit",
          MetricType.GAUGE,
          "usd",
          "Configured LLM spending budget in US dollars, per period; per team, or for the whole"
              + " application with an empty team.",
          Origin.AGENT,
          List.of(BUDGET_PERIOD, TEAM),
          List.of());

  // ---- Agent runs ----

  /** Duration of agent runs; its count is the number of runs by status. */
  public static final MetricDefinition AGENT_RUN_DURATION =
      add(
          "gen_ai.invoke_agent.duration",
          MetricType.TIMER,
          null,
          "Duration of agent runs (invocations), by agent; error_type is set on failed runs only.",
          Origin.AGENT,
          List.of(AGENT, ERROR_TYPE),
          exponential(0.1, 2, 13));

  /** LLM inference calls an agent run made itself, one observation per run. */
  public static final MetricDefinition AGENT_RUN_INFERENCE_CALLS =
      add(
          "gen_ai.invoke_agent.inference_calls",
          MetricType.DISTRIBUTION_SUMMARY,
          null,
          "Inference calls made by one agent run, failed ones included.",
          Origin.AGENT,
          List.of(AGENT),
          exponential(1, 2, 8));

  /** Tool calls an agent run made, one observation per run. */
  public static final MetricDefinition AGENT_RUN_TOOL_CALLS =
      add(
          "gen_ai.invoke_agent.tool_calls",
          MetricType.DISTRIBUTION_SUMMARY,
          null,
          "Client-side tool calls made by one agent run.",
          Origin.AGENT,
          List.of(AGENT),
          exponential(1, 2, 8));

  /** Agent runs in progress. */
  public static final MetricDefinition AGENT_RUNS_ACTIVE =
      add(
          "agent.runs.active",
          MetricType.GAUGE,
          null,
          "Agent runs in progress, per agent.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  /**
   * Work in flight as reported by one agent process: absolute values, so that reports pushed to
   * several server replicas add up (the newest report of each source counts).
   */
  public static final MetricDefinition AGENT_IN_FLIGHT =
      add(
          "agent.in_flight",
          MetricType.GAUGE,
          null,
          "Work in flight (runs, tasks, approvals pending) and open sessions and permissions of an"
              + " agent as last reported by one agent process; 0 once the report is older than the"
              + " server's expiry.",
          Origin.AGENT,
          List.of(AGENT, Labels.SOURCE, Labels.IN_FLIGHT_WORK),
          List.of());

  /**
   * When the value of {@link #AGENT_IN_FLIGHT} was reported, to pick the newest across replicas.
   */
  public static final MetricDefinition AGENT_IN_FLIGHT_REPORT_TIMESTAMP =
      add(
          "agent.in_flight.report.timestamp",
          MetricType.GAUGE,
          "seconds",
          "Unix time at which this server received the agent_in_flight value of the same labels; the"
              + " newest across server replicas is the current one.",
          Origin.AGENT,
          List.of(AGENT, Labels.SOURCE, Labels.IN_FLIGHT_WORK),
          List.of());

  /** Open agent sessions. */
  public static final MetricDefinition AGENT_SESSIONS_ACTIVE =
      add(
          "agent.sessions.active",
          MetricType.GAUGE,
          null,
          "Open agent sessions (conversations), per agent.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  /** Time for an agent to start and become ready. */
  public static final MetricDefinition AGENT_STARTUP_DURATION =
      add(
          "agent.startup.duration",
          MetricType.TIMER,
          null,
          "Time for an agent to start and become ready.",
          Origin.AGENT,
          List.of(AGENT),
          List.of(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0));

  // ---- Tools and skills ----

  /** Duration of tool and skill calls; its count is the number of calls. */
  public static final MetricDefinition TOOL_DURATION =
      add(
          "gen_ai.execute_tool.duration",
          MetricType.TIMER,
          null,
          "Duration of tool and skill executions, by agent, tool and type; error_type is set on failures only.",
          Origin.AGENT,
          List.of(AGENT, TOOL, TOOL_TYPE, ERROR_TYPE),
          GEN_AI_DURATION_BUCKETS);

  // ---- Tasks ----

  /** Tasks started. */
  public static final MetricDefinition TASKS_STARTED =
      add(
          "agent.tasks.started",
          MetricType.COUNTER,
          null,
          "Tasks started, per agent and queue.",
          Origin.AGENT,
          List.of(AGENT, QUEUE),
          List.of());

  /** Duration of finished tasks; its count is the number of tasks by status. */
  public static final MetricDefinition TASK_DURATION =
      add(
          "agent.task.duration",
          MetricType.TIMER,
          null,
          "Duration of finished tasks, by agent, queue and status (completed, failed, cancelled).",
          Origin.AGENT,
          List.of(AGENT, QUEUE, TASK_STATUS),
          List.of(0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0));

  /** Tasks in progress. */
  public static final MetricDefinition TASKS_ACTIVE =
      add(
          "agent.tasks.active",
          MetricType.GAUGE,
          null,
          "Tasks in progress, per agent.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  /** Tasks waiting in a queue. */
  public static final MetricDefinition TASK_QUEUE_DEPTH =
      add(
          "agent.task.queue.depth",
          MetricType.GAUGE,
          null,
          "Tasks waiting in a queue.",
          Origin.AGENT,
          List.of(QUEUE),
          List.of());

  /**
   * Tasks in a queue as last reported by one agent process: absolute values, so that reports pushed
   * to several server replicas add up (the newest report of each source counts).
   */
  public static final MetricDefinition AGENT_QUEUE_TASKS =
      add(
          "agent.queue.tasks",
          MetricType.GAUGE,
          null,
          "Tasks waiting in a queue, or blocked there, as last reported by one agent process; 0 once"
              + " the report is older than the server's expiry.",
          Origin.AGENT,
          List.of(QUEUE, Labels.SOURCE, Labels.QUEUED_TASK_STATE),
          List.of());

  /** When the value of {@link #AGENT_QUEUE_TASKS} was reported, to pick the newest. */
  public static final MetricDefinition AGENT_QUEUE_TASKS_REPORT_TIMESTAMP =
      add(
          "agent.queue.tasks.report.timestamp",
          MetricType.GAUGE,
          "seconds",
          "Unix time at which this server received the agent_queue_tasks value of the same labels;"
              + " the newest across server replicas is the current one.",
          Origin.AGENT,
          List.of(QUEUE, Labels.SOURCE, Labels.QUEUED_TASK_STATE),
          List.of());

  /** Tasks blocked on unresolved dependencies. */
  public static final MetricDefinition TASKS_BLOCKED =
      add(
          "agent.tasks.blocked",
          MetricType.GAUGE,
          null,
          "Tasks waiting for their dependencies to resolve, per queue.",
          Origin.AGENT,
          List.of(QUEUE),
          List.of());

  // ---- Messages and features ----

  /** Messages processed. */
  public static final MetricDefinition MESSAGES =
      add(
          "agent.messages",
          MetricType.COUNTER,
          null,
          "Messages processed, by agent, channel and direction.",
          Origin.AGENT,
          List.of(AGENT, CHANNEL, DIRECTION),
          List.of());

  /** Product features used through agents. */
  public static final MetricDefinition FEATURE_USAGE =
      add(
          "agent.feature.usage",
          MetricType.COUNTER,
          null,
          "Uses of product features through agents (business metric).",
          Origin.AGENT,
          List.of(FEATURE),
          List.of());

  // ---- Approvals ----

  /** Human approval requests. */
  public static final MetricDefinition APPROVAL_REQUESTS =
      add(
          "agent.approval.requests",
          MetricType.COUNTER,
          null,
          "Human approval requests raised by agents.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  /** Time from an approval request to its decision; its count is decisions by decision. */
  public static final MetricDefinition APPROVAL_RESPONSE_DURATION =
      add(
          "agent.approval.response.duration",
          MetricType.TIMER,
          null,
          "Time from an approval request to its decision (approved, denied, timed_out).",
          Origin.AGENT,
          List.of(AGENT, APPROVAL_DECISION),
          List.of(1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 900.0, 3600.0));

  /** Approval requests awaiting a decision. */
  public static final MetricDefinition APPROVALS_PENDING =
      add(
          "agent.approvals.pending",
          MetricType.GAUGE,
          null,
          "Approval requests awaiting a decision, per agent.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  /** Approvals escalated automatically because their SLA was breached. */
  public static final MetricDefinition APPROVAL_ESCALATIONS =
      add(
          "agent.approval.escalations",
          MetricType.COUNTER,
          null,
          "Approval requests escalated automatically after breaching their SLA.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  // ---- Security ----

  /** Skill access checks. */
  public static final MetricDefinition SKILL_ACCESS =
      add(
          "agent.skill.access",
          MetricType.COUNTER,
          null,
          "Skill access checks, allowed or denied.",
          Origin.AGENT,
          List.of(AGENT, SKILL, ACCESS_DECISION),
          List.of());

  /** Requests for more permissions. */
  public static final MetricDefinition PERMISSION_ESCALATION_REQUESTS =
      add(
          "agent.permission.escalation.requests",
          MetricType.COUNTER,
          null,
          "Requests by agents for elevated permissions.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  /** Permissions currently granted. */
  public static final MetricDefinition PERMISSIONS_ACTIVE =
      add(
          "agent.permissions.active",
          MetricType.GAUGE,
          null,
          "Permissions currently granted, per agent.",
          Origin.AGENT,
          List.of(AGENT),
          List.of());

  /** Policy violations detected. */
  public static final MetricDefinition POLICY_VIOLATIONS =
      add(
          "agent.policy.violations",
          MetricType.COUNTER,
          null,
          "Policy violations detected and logged for audit, by type.",
          Origin.AGENT,
          List.of(AGENT, VIOLATION_TYPE),
          List.of());

  // ---- RAG ----

  /** End-to-end retrieval latency. */
  public static final MetricDefinition RAG_RETRIEVAL_DURATION =
      add(
          "agent.rag.retrieval.duration",
          MetricType.TIMER,
          null,
          "Duration of RAG retrievals (embedding, search and reranking).",
          Origin.AGENT,
          List.of(AGENT, STORE),
          List.of(0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0));

  /** Documents returned per retrieval. */
  public static final MetricDefinition RAG_DOCUMENTS_RETRIEVED =
      add(
          "agent.rag.documents.retrieved",
          MetricType.DISTRIBUTION_SUMMARY,
          null,
          "Documents returned per RAG retrieval.",
          Origin.AGENT,
          List.of(AGENT, STORE),
          List.of(1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0, 100.0));

  /**
   * Relevance score of retrieved documents. No buckets: Micrometer's summary histograms round a
   * value up to a whole number before bucketing, so buckets below 1 would be wrong; the mean
   * (sum/count) and max are exact.
   */
  public static final MetricDefinition RAG_RELEVANCE_SCORE =
      add(
          "agent.rag.relevance.score",
          MetricType.DISTRIBUTION_SUMMARY,
          null,
          "Relevance (retrieval accuracy) score of a RAG retrieval, between 0 and 1.",
          Origin.AGENT,
          List.of(AGENT, STORE),
          List.of());

  /** Vector store query latency. */
  public static final MetricDefinition VECTORSTORE_QUERY_DURATION =
      add(
          "agent.vectorstore.query.duration",
          MetricType.TIMER,
          null,
          "Duration of vector store queries.",
          Origin.AGENT,
          List.of(STORE),
          List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0));

  // ---- Caches ----

  /** Cache lookups by result. */
  public static final MetricDefinition CACHE_REQUESTS =
      add(
          "agent.cache.requests",
          MetricType.COUNTER,
          null,
          "Cache lookups, hits and misses, by cache.",
          Origin.AGENT,
          List.of(CACHE, CACHE_RESULT),
          List.of());

  // ---- agentmetrics' own health ----

  /** Recordings moved to the overflow value because a series cap was reached. */
  public static final MetricDefinition CARDINALITY_OVERFLOW =
      add(
          "agentmetrics.cardinality.overflow",
          MetricType.COUNTER,
          null,
          "Recordings whose label values were replaced by _other because a series cap was reached.",
          Origin.SELF,
          List.of(METRIC),
          List.of());

  /**
   * Always 1, labelled with the version: which jobs record with agentmetrics. The dashboards' job
   * variable lists the jobs that export it. (Not {@code _info}: Micrometer's Prometheus registry
   * drops that suffix, which OpenMetrics reserves for its info type.)
   */
  public static final MetricDefinition BUILD_INFO =
      add(
          "agentmetrics.version",
          MetricType.GAUGE,
          null,
          "Always 1, labelled with the agentmetrics version: every job that records with agentmetrics"
              + " exports it from its start.",
          Origin.SELF,
          List.of(
              new LabelDefinition("version", "agentmetrics version", LabelPolicy.freeText(32, 5))),
          List.of());

  /** Recordings rejected or corrected because of invalid values. */
  public static final MetricDefinition RECORDINGS_REJECTED =
      add(
          "agentmetrics.recordings.rejected",
          MetricType.COUNTER,
          null,
          "Values dropped (negative, not finite) or label values replaced (outside the policy).",
          Origin.SELF,
          List.of(METRIC, REJECT_REASON),
          List.of());

  /**
   * Meters of ours the registry refused because another meter (a framework's or the app's own)
   * already has the name with another type or other labels: their recordings are not exported.
   */
  public static final MetricDefinition METER_REGISTRATION_FAILED =
      add(
          "agentmetrics.meter.registration.failed",
          MetricType.COUNTER,
          null,
          "Meters of ours the registry refused because another meter has the same name with another type or labels; their values are not exported.",
          Origin.SELF,
          List.of(METRIC),
          List.of());

  /** Framework events a bridge could not record (its own failure, never thrown). */
  public static final MetricDefinition INTEGRATION_FAILURES =
      add(
          "agentmetrics.integration.failures",
          MetricType.COUNTER,
          null,
          "Framework events (Spring AI observations, LangChain4j listener calls) a bridge could not record; the framework's call went on.",
          Origin.SELF,
          List.of(INTEGRATION),
          List.of());

  /** LLM calls whose model is missing from the price table. */
  public static final MetricDefinition COST_UNKNOWN_MODEL =
      add(
          "agentmetrics.cost.unknown.model",
          MetricType.COUNTER,
          null,
          "LLM calls recorded without cost because the model is not in the price table.",
          Origin.SELF,
          List.of(PROVIDER, MODEL),
          List.of());

  /** Events received by the ingest API. */
  public static final MetricDefinition INGEST_EVENTS =
      add(
          "agentmetrics.ingest.events",
          MetricType.COUNTER,
          null,
          "Events received by the ingest API, accepted or rejected, by event type.",
          Origin.SELF,
          List.of(
              new LabelDefinition(
                  "event_type", "Ingest event type", LabelPolicy.oneOf(IngestEventType.values())),
              new LabelDefinition(
                  "result", "Accepted or rejected", LabelPolicy.oneOf("accepted", "rejected"))),
          List.of());

  /** OTLP spans and metric points received by the metrics server, by what became of them. */
  public static final MetricDefinition OTLP_ITEMS =
      add(
          "agentmetrics.otlp.items",
          MetricType.COUNTER,
          null,
          "OTLP spans and metric data points received on /v1/traces and /v1/metrics: recorded as"
              + " catalogue events, ignored (not GenAI telemetry), skipped (the same calls already"
              + " come from the other signal) or rejected (invalid).",
          Origin.SELF,
          List.of(
              new LabelDefinition(
                  "signal", "OTLP signal", LabelPolicy.oneOf("spans", "metric_points")),
              new LabelDefinition(
                  "result",
                  "What became of the item",
                  LabelPolicy.oneOf("recorded", "ignored", "skipped", "rejected"))),
          List.of());

  // ---- HTTP served (the metrics server, and Spring Boot / Micrometer agent applications) ----

  /**
   * Requests served, with the labels of Micrometer's and Spring Boot's {@code
   * http.server.requests}: the metrics server records it, and so does every Spring Boot application
   * with Actuator (the Spring Boot starter gives it these buckets).
   */
  public static final MetricDefinition HTTP_SERVER_REQUESTS =
      add(
          "http.server.requests",
          MetricType.TIMER,
          null,
          "HTTP requests served by the metrics server or a Spring Boot / Micrometer application,"
              + " by method, uri (the route template), status and outcome.",
          Origin.HTTP,
          List.of(HTTP_METHOD, HTTP_URI, HTTP_STATUS, HTTP_OUTCOME),
          List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0));

  // ---- JVM, process and system (Micrometer binders) ----

  /** JVM memory in use. */
  public static final MetricDefinition JVM_MEMORY_USED =
      add(
          "jvm.memory.used",
          MetricType.GAUGE,
          "bytes",
          "JVM memory in use, by area (heap, nonheap) and pool.",
          Origin.JVM,
          List.of(Labels.external("area", "heap or nonheap"), Labels.external("id", "memory pool")),
          List.of());

  /** JVM memory limit. */
  public static final MetricDefinition JVM_MEMORY_MAX =
      add(
          "jvm.memory.max",
          MetricType.GAUGE,
          "bytes",
          "Maximum JVM memory, by area and pool (-1 when undefined).",
          Origin.JVM,
          List.of(Labels.external("area", "heap or nonheap"), Labels.external("id", "memory pool")),
          List.of());

  /** GC pauses. */
  public static final MetricDefinition JVM_GC_PAUSE =
      add(
          "jvm.gc.pause",
          MetricType.TIMER,
          null,
          "Time spent in garbage collection pauses.",
          Origin.JVM,
          List.of(
              Labels.external("action", "GC action"),
              Labels.external("cause", "GC cause"),
              Labels.external("gc", "collector")),
          List.of());

  /** Live JVM threads. */
  public static final MetricDefinition JVM_THREADS_LIVE =
      add(
          "jvm.threads.live",
          MetricType.GAUGE,
          "threads",
          "Live JVM threads, daemon and non-daemon.",
          Origin.JVM,
          List.of(),
          List.of());

  /** JVM threads by state. */
  public static final MetricDefinition JVM_THREADS_STATES =
      add(
          "jvm.threads.states",
          MetricType.GAUGE,
          "threads",
          "JVM threads by state.",
          Origin.JVM,
          List.of(Labels.external("state", "thread state")),
          List.of());

  /** CPU used by this process. */
  public static final MetricDefinition PROCESS_CPU_USAGE =
      add(
          "process.cpu.usage",
          MetricType.GAUGE,
          null,
          "Recent CPU usage of the JVM process, between 0 and 1.",
          Origin.JVM,
          List.of(),
          List.of());

  /** CPU used by the whole system. */
  public static final MetricDefinition SYSTEM_CPU_USAGE =
      add(
          "system.cpu.usage",
          MetricType.GAUGE,
          null,
          "Recent CPU usage of the whole system, between 0 and 1.",
          Origin.JVM,
          List.of(),
          List.of());

  /** Process uptime. */
  public static final MetricDefinition PROCESS_UPTIME =
      add(
          "process.uptime",
          MetricType.GAUGE,
          "seconds",
          "Uptime of the JVM process.",
          Origin.JVM,
          List.of(),
          List.of());

  /** Open file descriptors. */
  public static final MetricDefinition PROCESS_FILES_OPEN =
      add(
          "process.files.open",
          MetricType.GAUGE,
          "files",
          "Open file descriptors of the process.",
          Origin.JVM,
          List.of(),
          List.of());

  private static final MetricIndex INDEX = MetricIndex.of(ALL);

  private MetricCatalogue() {}

  /** Every metric, in catalogue order. */
  public static List<MetricDefinition> all() {
    return INDEX.all();
  }

  /** The metrics of one origin, in catalogue order. */
  public static List<MetricDefinition> byOrigin(Origin origin) {
    return INDEX.byOrigin(origin);
  }

  /** The metric with this meter name (e.g. {@code agent.cost}). */
  public static Optional<MetricDefinition> byName(String name) {
    return INDEX.byName(name);
  }

  /**
   * The metric that produces this Prometheus series name, e.g. {@code agent_cost_usd_total} or
   * {@code gen_ai_client_operation_duration_seconds_bucket}.
   */
  public static Optional<MetricDefinition> bySeriesName(String seriesName) {
    return INDEX.bySeriesName(seriesName);
  }

  /**
   * Labels Prometheus attaches to every series of a target: {@code job} and {@code instance}, and
   * {@code environment} where the scrape configuration sets it (a target label such as {@code
   * production}; the dashboards' Environment variable selects jobs by it); on Kubernetes {@code
   * namespace} (the Prometheus Operator's) and {@code cluster} (where relabeling or an external
   * label sets it), which the dashboards' Namespace and Cluster variables and the rules' grouping
   * labels keep apart.
   */
  public static List<String> targetLabels() {
    return List.of("job", "instance", "environment", "namespace", "cluster");
  }

  private static MetricDefinition add(
      String name,
      MetricType type,
      String baseUnit,
      String help,
      Origin origin,
      List<LabelDefinition> labels,
      List<Double> buckets) {
    MetricDefinition metric =
        new MetricDefinition(name, type, baseUnit, help, origin, labels, buckets);
    ALL.add(metric);
    return metric;
  }

  private static MetricDefinition tokenCounter(String name, String help) {
    return add(
        name,
        MetricType.COUNTER,
        null,
        help,
        Origin.AGENT,
        List.of(OPERATION, PROVIDER, MODEL, TOKEN_MODALITY, AGENT, TEAM),
        List.of());
  }

  private static List<Double> exponential(double start, double factor, int count) {
    List<Double> buckets = new ArrayList<>(count);
    double value = start;
    for (int i = 0; i < count; i++) {
      buckets.add(Math.round(value * 1e6) / 1e6);
      value *= factor;
    }
    return buckets;
  }
}
