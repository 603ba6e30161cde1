package io.agentmetrics.catalogue;

import io.agentmetrics.api.MetricCatalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where each concept of the five monitoring systems agentmetrics replaces (metrics, dashboard
 * panels, alerts and performance targets, from {@code source-systems.md}) lives now: the catalogue
 * metrics that serve it, by meter name, or, for host and database infrastructure only, the standard
 * Prometheus exporter that covers it. docs/metrics.md shows this table.
 */
public final class SourceConcepts {

  /** What kind of concept a source system offered. */
  public enum Kind {
    /** A metric it exported. */
    METRIC,
    /** A dashboard panel it showed. */
    PANEL,
    /** An alert it fired. */
    ALERT,
    /** A performance target it set. */
    TARGET
  }

  /**
   * One concept of a source system and its home.
   *
   * @param system the source system, e.g. {@code A. Agent runtime}
   * @param kind metric, panel, alert or target
   * @param concept the concept as the source system described it
   * @param metrics the catalogue meter names that serve it (may be empty when an exporter does)
   * @param exporter the external exporter that covers it, or null when our metrics do
   */
  public record Concept(
      String system, Kind kind, String concept, List<String> metrics, String exporter) {

    /** Validates and copies the concept: it has a home. */
    public Concept {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(concept, "concept");
      metrics = List.copyOf(metrics);
      if (metrics.isEmpty() && exporter == null) {
        throw new IllegalArgumentException(concept + ": needs a metric or an exporter");
      }
    }
  }

  /** The source systems, in order. */
  public static final List<String> SYSTEMS =
      List.of(
          "A. Agent runtime",
          "B. Task orchestrator",
          "C. Agent platform",
          "D. RAG assistant",
          "E. Agent API monitoring guide");

  // Meter names, from the catalogue.
  private static final String RUNS = MetricCatalogue.AGENT_RUN_DURATION.name();
  private static final String RUNS_ACTIVE = MetricCatalogue.AGENT_RUNS_ACTIVE.name();
  private static final String SESSIONS = MetricCatalogue.AGENT_SESSIONS_ACTIVE.name();
  private static final String STARTUP = MetricCatalogue.AGENT_STARTUP_DURATION.name();
  private static final String LLM = MetricCatalogue.LLM_INFERENCE_DURATION.name();
  private static final String TTFC = MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK.name();
  private static final String TOKENS = MetricCatalogue.LLM_INPUT_TOKENS.name();
  private static final String OUTPUT_TOKENS = MetricCatalogue.LLM_OUTPUT_TOKENS.name();
  private static final String SAVED = MetricCatalogue.TOKENS_SAVED.name();
  private static final String COST = MetricCatalogue.COST.name();
  private static final String BUDGET = MetricCatalogue.BUDGET_LIMIT.name();
  private static final String TOOLS = MetricCatalogue.TOOL_DURATION.name();
  private static final String TASKS_STARTED = MetricCatalogue.TASKS_STARTED.name();
  private static final String TASKS = MetricCatalogue.TASK_DURATION.name();
  private static final String TASKS_ACTIVE = MetricCatalogue.TASKS_ACTIVE.name();
  private static final String QUEUE = MetricCatalogue.TASK_QUEUE_DEPTH.name();
  private static final String BLOCKED = MetricCatalogue.TASKS_BLOCKED.name();
  private static final String MESSAGES = MetricCatalogue.MESSAGES.name();
  private static final String FEATURES = MetricCatalogue.FEATURE_USAGE.name();
  private static final String APPROVALS = MetricCatalogue.APPROVAL_REQUESTS.name();
  private static final String APPROVAL_TIME = MetricCatalogue.APPROVAL_RESPONSE_DURATION.name();
  private static final String PENDING = MetricCatalogue.APPROVALS_PENDING.name();
  private static final String ESCALATIONS = MetricCatalogue.APPROVAL_ESCALATIONS.name();
  private static final String SKILL_ACCESS = MetricCatalogue.SKILL_ACCESS.name();
  private static final String PERMISSION_REQUESTS =
      MetricCatalogue.PERMISSION_ESCALATION_REQUESTS.name();
  private static final String PERMISSIONS = MetricCatalogue.PERMISSIONS_ACTIVE.name();
  private static final String VIOLATIONS = MetricCatalogue.POLICY_VIOLATIONS.name();
  private static final String RAG = MetricCatalogue.RAG_RETRIEVAL_DURATION.name();
  private static final String RELEVANCE = MetricCatalogue.RAG_RELEVANCE_SCORE.name();
  private static final String VECTOR = MetricCatalogue.VECTORSTORE_QUERY_DURATION.name();
  private static final String CACHE = MetricCatalogue.CACHE_REQUESTS.name();
  private static final String HTTP = MetricCatalogue.HTTP_SERVER_REQUESTS.name();
  private static final String PROCESS_CPU = MetricCatalogue.PROCESS_CPU_USAGE.name();
  private static final String SYSTEM_CPU = MetricCatalogue.SYSTEM_CPU_USAGE.name();
  private static final String MEMORY = MetricCatalogue.JVM_MEMORY_USED.name();
  private static final String MEMORY_MAX = MetricCatalogue.JVM_MEMORY_MAX.name();
  private static final String UP = QueryCatalogue.named("up").name();
  private static final String SCRAPE = QueryCatalogue.named("scrape_duration").name();

  // External exporters, for infrastructure only: their series as the exporter series declare
  // them (a name not declared fails here).
  private static final String NODE_CPU = exporter("node_exporter", "node.cpu.seconds");
  private static final String NODE_MEMORY =
      exporter("node_exporter", "node.memory.MemAvailable", "node.memory.MemTotal");
  private static final String NODE_DISK =
      exporter("node_exporter", "node.filesystem.avail", "node.filesystem.size");
  private static final String NODE_NETWORK =
      exporter("node_exporter", "node.network.receive", "node.network.transmit");
  private static final String POSTGRES_CONNECTIONS =
      exporter("postgres_exporter", "pg.stat.database.numbackends", "pg.settings.max_connections");
  private static final String POSTGRES_QUERIES =
      exporter("postgres_exporter", "pg.stat.statements", "pg.stat.statements.calls");
  private static final String REDIS = exporter("redis_exporter", "redis.memory.used");
  // Not read by a bundled query, so not declared: named as their exporters write them.
  private static final String CONTAINERS =
      "cAdvisor / kube-state-metrics: container_last_seen, kube_pod_container_status_ready";
  private static final String GRAFANA =
      "Grafana's own /metrics: grafana_http_request_duration_seconds";

  private static final List<Concept> ALL = build();

  /** {@code exporter: series, series}: each series' first Prometheus name, as declared. */
  private static String exporter(String exporter, String... metricNames) {
    List<String> series = new ArrayList<>();
    for (String name : metricNames) {
      series.add(QueryCatalogue.named(name).seriesNames().get(0));
    }
    return exporter + ": " + String.join(", ", series);
  }

  private SourceConcepts() {}

  /** Every concept, grouped by system in {@link #SYSTEMS} order. */
  public static List<Concept> all() {
    return ALL;
  }

  /** The concepts of one system. */
  public static List<Concept> of(String system) {
    return ALL.stream().filter(concept -> concept.system().equals(system)).toList();
  }

  private static List<Concept> build() {
    Table t = new Table();
    t.system(SYSTEMS.get(0));
    t.metric("Agent executions by status", RUNS);
    t.metric("Execution duration histogram (9 buckets)", RUNS);
    t.metric("Errors by error type", RUNS, LLM, TOOLS);
    t.metric("Active agents", RUNS_ACTIVE);
    t.metric("Messages processed by channel", MESSAGES);
    t.metric("Cost in USD by provider and model (counter)", COST);
    t.metric("Cost per agent", COST);
    t.metric("Tokens by provider, model and type", TOKENS, OUTPUT_TOKENS);
    t.metric("System CPU and memory usage", PROCESS_CPU, SYSTEM_CPU, MEMORY, MEMORY_MAX);
    t.metric("Skills executed by skill", TOOLS);
    t.metric("Channel messages by channel type", MESSAGES);
    t.metric("HTTP requests by method, path and status", HTTP);
    t.panel("Overview: execution rate by status", RUNS);
    t.panel("Overview: p95 execution duration gauge", RUNS);
    t.panel("Overview: message rate by channel", MESSAGES);
    t.panel("Overview: total cost", COST);
    t.panel("Overview: CPU", PROCESS_CPU, SYSTEM_CPU);
    t.panel("Overview: memory", MEMORY, MEMORY_MAX);
    t.panel("Overview: error rate", RUNS);
    t.panel("Overview: skills rate", TOOLS);
    t.panel("Overview: HTTP rate", HTTP);
    t.panel("Cost tracking: total cost gauge", COST);
    t.panel("Cost tracking: cost by provider pie", COST);
    t.panel("Cost tracking: cost over time stacked by provider and model", COST);
    t.panel("Cost tracking: cost per agent", COST);
    t.panel("Cost tracking: token consumption rate", TOKENS, OUTPUT_TOKENS);
    t.target("Agent execution p95 < 200 ms (alert > 500 ms)", RUNS);
    t.target("Agent startup < 1 s (alert > 2 s)", STARTUP);
    t.target("Skill overhead < 50 ms (alert > 100 ms)", TOOLS);
    t.target("Error rate < 0.1 % (alert > 1 %)", RUNS);
    t.target("CPU and memory < 70 % (alert > 90 %)", PROCESS_CPU, SYSTEM_CPU, MEMORY, MEMORY_MAX);
    t.target("Metrics endpoint < 10 ms", HTTP, SCRAPE);
    t.alert("Error rate", RUNS);
    t.alert("CPU", PROCESS_CPU, SYSTEM_CPU);
    t.alert("Memory", MEMORY, MEMORY_MAX);
    t.alert("Slow execution", RUNS);
    t.alert("Budget exceeded", COST, BUDGET);

    t.system(SYSTEMS.get(1));
    t.metric("Prometheus and Alertmanager self-monitoring", UP, SCRAPE);
    t.metric("Tasks started", TASKS_STARTED);
    t.metric("Tasks completed and failed", TASKS);
    t.metric("Active tasks", TASKS_ACTIVE);
    t.metric("Task duration histogram", TASKS);
    t.metric("Daily cost per agent and in total", COST);
    t.metric("Skill access allowed / denied", SKILL_ACCESS);
    t.metric("Permission escalation requests", PERMISSION_REQUESTS);
    t.metric("Active permissions granted", PERMISSIONS);
    t.metric("Audit violations logged", VIOLATIONS);
    t.metric("Approval requests", APPROVALS);
    t.metric("Approval response time histogram", APPROVAL_TIME);
    t.metric("Pending approvals", PENDING);
    t.metric("Auto-escalations on SLA breach", ESCALATIONS);
    t.alert("Error rate > 5 %", TASKS, RUNS);
    t.alert("Daily cost > $25", COST, BUDGET);
    t.alert("Approval backlog > 5 pending", PENDING);
    t.alert("Approval SLA breach (p95 > 60 s)", APPROVAL_TIME);
    t.alert("Violation rate > 1/s", VIOLATIONS);
    t.alert("Agent overloaded (> 20 active tasks)", TASKS_ACTIVE);
    t.alert("Prometheus scrape failures", UP);
    t.panel("Agent performance: task completion rate per agent", TASKS);
    t.panel("Agent performance: error rate gauge (green < 5 %, yellow 5-10 %, red > 10 %)", TASKS);
    t.panel("Agent performance: active tasks per agent, stacked", TASKS_ACTIVE);
    t.panel("Agent performance: top 5 agents table", TASKS);
    t.panel("Cost tracking: daily cost with sparkline", COST);
    t.panel("Cost tracking: cost per agent and model", COST);
    t.panel("Cost tracking: distribution by model donut", COST);
    t.panel("Cost tracking: top 10 agents by cost", COST);
    t.panel("Security & approvals: approval SLA compliance gauge", APPROVAL_TIME);
    t.panel("Security & approvals: pending approvals", PENDING);
    t.panel("Security & approvals: violations rate", VIOLATIONS);
    t.panel("Security & approvals: allowed vs denied, stacked area", SKILL_ACCESS);
    t.panel("Security & approvals: violation types pie", VIOLATIONS);

    t.system(SYSTEMS.get(2));
    t.metric("AI agent operations", RUNS, LLM);
    t.metric("Execution duration", RUNS);
    t.metric("Token usage", TOKENS, OUTPUT_TOKENS);
    t.metric("Costs", COST);
    t.metric("Task orchestration: queue depth", QUEUE);
    t.metric("Task orchestration: execution status", TASKS, TASKS_ACTIVE);
    t.metric("Task orchestration: dependency resolution", BLOCKED);
    t.metric("HTTP requests (automatic middleware)", HTTP);
    t.external("Database connections", POSTGRES_CONNECTIONS);
    t.external("Database query time", POSTGRES_QUERIES);
    t.metric("Business: user sessions", SESSIONS);
    t.metric("Business: feature usage", FEATURES);
    t.panel("AI agent overview", RUNS, LLM, TOKENS, OUTPUT_TOKENS, COST);
    t.panel("System health", PROCESS_CPU, SYSTEM_CPU, MEMORY, UP);
    t.panel("Business metrics", SESSIONS, FEATURES);

    t.system(SYSTEMS.get(3));
    t.metric("Scraping six services every 15 s", UP);
    t.metric("Chat duration histogram (0.1-5 s)", LLM, TTFC);
    t.metric("RAG retrieval duration (0.05-1 s)", RAG);
    t.metric("Task completions", TASKS);
    t.metric("Active agents", RUNS_ACTIVE);
    t.metric("Retrieval accuracy score", RELEVANCE);
    t.panel("System overview: CPU, memory", PROCESS_CPU, SYSTEM_CPU, MEMORY);
    t.external("System overview: disk", NODE_DISK);
    t.panel("Application performance: latency, errors, throughput", HTTP, RUNS);
    t.panel(
        "LLM metrics: call duration, success rate, model performance",
        LLM,
        TTFC,
        TOKENS,
        OUTPUT_TOKENS);
    t.panel("RAG performance: retrieval latency, vector search", RAG, VECTOR);
    t.panel("Infrastructure health: service status", UP);
    t.externalPanel("Infrastructure health: container health", CONTAINERS);
    t.target("Metrics endpoint p95 < 10 ms", HTTP, SCRAPE);
    t.target("Collection overhead < 5 % CPU", PROCESS_CPU);
    t.externalTarget("Dashboard load < 2 s", GRAFANA);

    t.system(SYSTEMS.get(4));
    t.panel("Request rate", HTTP);
    t.panel("5xx error rate", HTTP);
    t.panel("p95 response time", HTTP);
    t.panel("Active agent sessions", SESSIONS);
    t.panel("Tokens by agent type", TOKENS, OUTPUT_TOKENS);
    t.panel("Cache hit rate", CACHE);
    t.externalPanel("Database query time", POSTGRES_QUERIES);
    t.panel("Agent success rate", RUNS);
    t.panel("Tokens today", TOKENS, OUTPUT_TOKENS);
    t.panel("Tokens by workflow step (agent and operation)", TOKENS, OUTPUT_TOKENS);
    t.panel("Token savings from caching, compression and model routing", SAVED);
    t.panel("Cost today", COST);
    t.panel("7-day cost trend", COST);
    t.externalPanel("CPU", NODE_CPU);
    t.externalPanel("Memory", NODE_MEMORY);
    t.externalPanel("Disk", NODE_DISK);
    t.externalPanel("Database connections", POSTGRES_CONNECTIONS);
    t.externalPanel("Redis memory", REDIS);
    t.externalPanel("Network I/O", NODE_NETWORK);
    t.alert("5xx rate > 5 % for 5 m (critical)", HTTP);
    t.alert("p95 > 1 s (warning)", HTTP);
    t.alert("Token usage > 1000/s for 10 m", TOKENS, OUTPUT_TOKENS);
    t.alert("Cache hit rate < 50 %", CACHE);
    t.externalAlert("Database connections > 90", POSTGRES_CONNECTIONS);
    t.externalAlert("CPU > 80 %", NODE_CPU);
    t.externalAlert("Memory > 85 %", NODE_MEMORY);
    t.externalAlert("Disk > 90 %", NODE_DISK);
    t.alert("Agent failure rate > 10 %", RUNS);
    t.alert("Vector database p95 > 2 s", VECTOR);
    return Collections.unmodifiableList(t.concepts);
  }

  /** Collects the rows of the table, one system after the other. */
  private static final class Table {
    private final List<Concept> concepts = new ArrayList<>();
    private String system;

    void system(String name) {
      this.system = name;
    }

    void metric(String concept, String... metrics) {
      add(Kind.METRIC, concept, null, metrics);
    }

    void panel(String concept, String... metrics) {
      add(Kind.PANEL, concept, null, metrics);
    }

    void alert(String concept, String... metrics) {
      add(Kind.ALERT, concept, null, metrics);
    }

    void target(String concept, String... metrics) {
      add(Kind.TARGET, concept, null, metrics);
    }

    void external(String concept, String exporter) {
      add(Kind.METRIC, concept, exporter);
    }

    void externalPanel(String concept, String exporter) {
      add(Kind.PANEL, concept, exporter);
    }

    void externalAlert(String concept, String exporter) {
      add(Kind.ALERT, concept, exporter);
    }

    void externalTarget(String concept, String exporter) {
      add(Kind.TARGET, concept, exporter);
    }

    private void add(Kind kind, String concept, String exporter, String... metrics) {
      concepts.add(new Concept(system, kind, concept, List.of(metrics), exporter));
    }
  }
}
