package io.agentmetrics.catalogue;

import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Origin;
import io.agentmetrics.catalogue.SourceConcepts.Concept;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Generates docs/metrics.md from the catalogue and the source-concept table. */
public final class MetricsDocGenerator {

  static final String REGENERATE =
      "./mvnw -pl catalogue-tools -am test -Dtest=MetricsDocTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dagentmetrics.regenerateDocs=true";

  /** Hand-picked examples where the generic one would not be the query people want. */
  private static final Map<String, String> EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "gen_ai.client.inference.duration",
              "sum by (gen_ai_provider_name) (rate(gen_ai_client_inference_duration_seconds_count[5m]))"),
          Map.entry(
              "agent.cost",
              "sum by (gen_ai_provider_name, gen_ai_request_model) (increase(agent_cost_usd_total[1d]))"),
          // The share of failed runs: failed runs carry an error_type, successful ones none.
          Map.entry(
              "gen_ai.invoke_agent.duration",
              "sum by (gen_ai_agent_name) (rate(gen_ai_invoke_agent_duration_seconds_count"
                  + "{error_type!=\"\"}[5m])) / sum by (gen_ai_agent_name)"
                  + " (rate(gen_ai_invoke_agent_duration_seconds_count[5m]))"),
          // Limits and settings repeat on every replica and instance: the largest, never the sum.
          Map.entry("agent.budget.limit", "max by (job, period, team) (agent_budget_limit_usd)"),
          Map.entry(
              "pg.settings.max_connections", "max by (instance) (pg_settings_max_connections)"),
          Map.entry("redis.memory.max", "max by (instance) (redis_memory_max_bytes)"),
          Map.entry("jvm.memory.max", "sum by (instance, area) (jvm_memory_max_bytes > 0)"),
          Map.entry("process.uptime", "max by (instance) (process_uptime_seconds)"),
          // Timestamps: their age, not their sum.
          Map.entry(
              "agent.in_flight.report.timestamp",
              "time() - max by (source, gen_ai_agent_name, work)"
                  + " (agent_in_flight_report_timestamp_seconds)"),
          Map.entry("container.last_seen", "time() - max by (name) (container_last_seen)"),
          Map.entry(
              "container.start_time", "time() - max by (name) (container_start_time_seconds)"),
          // The newest report of each agent process across server replicas, as the alerts read it.
          Map.entry(
              "agent.in_flight",
              "sum by (gen_ai_agent_name, work) (agent_in_flight and on (job, instance, source,"
                  + " gen_ai_agent_name, work) topk by (job, source, gen_ai_agent_name, work) (1,"
                  + " agent_in_flight_report_timestamp_seconds))"),
          Map.entry(
              "agent.queue.tasks",
              "sum by (queue, state) (agent_queue_tasks and on (job, instance, source, queue, state)"
                  + " topk by (job, source, queue, state) (1,"
                  + " agent_queue_tasks_report_timestamp_seconds))"),
          Map.entry(
              "agent.queue.tasks.report.timestamp",
              "time() - max by (source, queue, state) (agent_queue_tasks_report_timestamp_seconds)"),
          // The busy share of each host's CPUs: idle time is not use.
          Map.entry(
              "node.cpu.seconds",
              "1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m]))"),
          Map.entry(
              "agent.cache.requests",
              "sum by (cache) (rate(agent_cache_requests_total{result=\"hit\"}[5m]))"
                  + " / sum by (cache) (rate(agent_cache_requests_total[5m]))"),
          Map.entry(
              "agent.tokens.saved", "sum by (mechanism) (increase(agent_tokens_saved_total[1d]))"),
          Map.entry("up", "up == 0"),
          Map.entry("jvm.memory.used", "sum by (area) (jvm_memory_used_bytes)"),
          Map.entry(
              "http.server.requests",
              "sum(rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                  + " / sum(rate(http_server_requests_seconds_count[5m]))"));

  private MetricsDocGenerator() {}

  static String generate() {
    StringBuilder out = new StringBuilder();
    out.append("# Metrics reference\n\n")
        .append(
            "<!-- Generated from MetricCatalogue, exporter-series.yaml and SourceConcepts; do not"
                + " edit by hand.\n")
        .append("     Regenerate: ")
        .append(REGENERATE)
        .append(" -->\n\n")
        .append(
            "Every metric agentmetrics exports, as it appears in Prometheus, generated from the"
                + " catalogue in `metrics-api` (`io.agentmetrics.api.MetricCatalogue`), the single"
                + " source of truth that the recorders, dashboards and alert rules are tested"
                + " against; and the exporters' and Prometheus' series that the dashboards and"
                + " rules read, declared in catalogue-tools"
                + " (`io/agentmetrics/catalogue/exporter-series.yaml`).\n\n")
        .append("- Prometheus adds `job` and `instance` to every series.\n")
        .append(
            "- A label value outside its policy, or past a cap, is recorded as `"
                + LabelPolicy.OVERFLOW_VALUE
                + "` so totals stay correct; `agentmetrics_recordings_rejected_total` and"
                + " `agentmetrics_cardinality_overflow_total` count it.\n")
        .append(
            "- `error.type` is `"
                + Labels.NO_ERROR
                + "` on success; `gen_ai.agent.name` is `"
                + Labels.UNKNOWN_AGENT
                + "` when the caller did not name its agent.\n")
        .append(
            "- Timers and summaries also export `_max` (the largest value in a recent window).\n")
        .append(
            "- The `gen_ai_*` metrics follow the OpenTelemetry GenAI semantic conventions, "
                + MetricCatalogue.SPEC_VERSION
                + ": names, units, attributes and bucket advice; our own prefix (`agent_`) is for"
                + " what the spec lacks.\n\n");
    out.append("## Contents\n\n");
    for (Origin origin : Origin.values()) {
      out.append("- ").append(title(origin)).append('\n');
      for (MetricDefinition metric : QueryCatalogue.byOrigin(origin)) {
        out.append("  - [`")
            .append(metric.prometheusName())
            .append("`](#")
            .append(metric.prometheusName())
            .append(")\n");
      }
    }
    out.append("- [Renamed in catalogue v2](#renamed-in-catalogue-v2)\n");
    out.append(
        "- [Where the source systems' concepts live](#where-the-source-systems-concepts-live)\n\n");
    for (Origin origin : Origin.values()) {
      out.append("## ").append(title(origin)).append("\n\n");
      for (MetricDefinition metric : QueryCatalogue.byOrigin(origin)) {
        metric(out, metric);
      }
    }
    renamed(out);
    concepts(out);
    return out.toString();
  }

  private static void metric(StringBuilder out, MetricDefinition metric) {
    out.append("### `").append(metric.prometheusName()).append("`\n\n");
    out.append(metric.help()).append("\n\n");
    out.append("| | |\n|---|---|\n");
    out.append("| Series | ")
        .append(
            metric.seriesNames().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")))
        .append(" |\n");
    out.append("| Type | ").append(type(metric)).append(" |\n");
    out.append("| Unit | ").append(unit(metric)).append(" |\n");
    switch (metric.origin()) {
      case AGENT, SELF, HTTP, JVM ->
          out.append("| Meter name | `").append(metric.name()).append("` |\n");
      case PROMETHEUS -> out.append("| Written by | Prometheus |\n");
      default -> out.append("| Written by | ").append(title(metric.origin())).append(" |\n");
    }
    if (metric.isHistogram()) {
      out.append("| Buckets (`le` as scraped) | ")
          .append(
              metric.buckets().stream()
                  .map(bucket -> "`" + bucket + "`")
                  .collect(Collectors.joining(", ")))
          .append(", `+Inf` |\n");
    }
    out.append('\n');
    if (!metric.labels().isEmpty()) {
      out.append("| Label | Meaning | Values |\n|---|---|---|\n");
      for (LabelDefinition label : metric.labels()) {
        out.append("| `")
            .append(label.prometheusName())
            .append("` | ")
            .append(label.description())
            .append(" | ")
            .append(values(label.policy()))
            .append(" |\n");
      }
      out.append('\n');
    }
    out.append("```promql\n").append(example(metric)).append("\n```\n\n");
  }

  private static void renamed(StringBuilder out) {
    out.append("## Renamed in catalogue v2\n\n")
        .append(
            "Catalogue v2 follows "
                + MetricCatalogue.SPEC_VERSION
                + ". Every old name and what to write now:\n\n")
        .append("| Before | Now | Change |\n|---|---|---|\n");
    for (RenamedMetrics change : RenamedMetrics.all()) {
      out.append("| `")
          .append(change.before().replace("|", "\\|"))
          .append("` | ")
          .append(change.after() == null ? "" : "`" + change.after().prometheusName() + "`")
          .append(" | ")
          .append(change.change().replace("|", "\\|"))
          .append(" |\n");
    }
    out.append("\n");
  }

  private static void concepts(StringBuilder out) {
    out.append("## Where the source systems' concepts live\n\n")
        .append(
            "Each metric, panel, alert and target of the five systems agentmetrics replaces"
                + " (`io.agentmetrics.catalogue.SourceConcepts`), and the metrics that serve it. Host,"
                + " database and cache infrastructure is left to the standard exporters, named"
                + " plainly.\n\n");
    for (String system : SourceConcepts.SYSTEMS) {
      out.append("### ").append(system).append("\n\n");
      out.append("| Kind | Concept | Served by |\n|---|---|---|\n");
      for (Concept concept : SourceConcepts.of(system)) {
        out.append("| ")
            .append(concept.kind().name().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(concept.concept())
            .append(" | ")
            .append(servedBy(concept))
            .append(" |\n");
      }
      out.append('\n');
    }
  }

  private static String servedBy(Concept concept) {
    List<String> parts = new ArrayList<>();
    for (String name : concept.metrics()) {
      String prometheus =
          QueryCatalogue.byName(name).map(MetricDefinition::prometheusName).orElse(name);
      parts.add("[`" + prometheus + "`](#" + prometheus + ")");
    }
    if (concept.exporter() != null) {
      parts.add("external: " + concept.exporter());
    }
    return String.join(", ", parts);
  }

  /**
   * Whether the example of {@code metric} is the generic one of its type (a rate, a sum, a p95 or a
   * mean) rather than one picked by hand; the docs' example tests derive the number a generic
   * example returns from the type alone.
   */
  public static boolean genericExample(MetricDefinition metric) {
    return !EXAMPLES.containsKey(metric.name());
  }

  static String example(MetricDefinition metric) {
    String hand = EXAMPLES.get(metric.name());
    if (hand != null) {
      return hand;
    }
    String base = metric.prometheusName();
    String by = exampleLabel(metric);
    return switch (metric.type()) {
      case COUNTER -> sum(by, "rate(" + base + "_total[5m])");
      case COUNTER_WITHOUT_TOTAL -> sum(by, "rate(" + base + "[5m])");
      case GAUGE -> by.isEmpty() ? base : sum(by, base);
      case TIMER, DISTRIBUTION_SUMMARY ->
          metric.isHistogram()
              ? "histogram_quantile(0.95, sum by (le"
                  + (by.isEmpty() ? "" : ", " + by)
                  + ") (rate("
                  + base
                  + "_bucket[5m])))"
              : sum(by, "rate(" + base + "_sum[5m])")
                  + " / "
                  + sum(by, "rate(" + base + "_count[5m])");
    };
  }

  /** The label an example groups by: the provider, else the agent, else the first label. */
  private static String exampleLabel(MetricDefinition metric) {
    List<String> names = metric.labelNames();
    for (String preferred : List.of("gen_ai_provider_name", "gen_ai_agent_name")) {
      if (names.contains(preferred)) {
        return preferred;
      }
    }
    return names.isEmpty() ? "" : names.get(0);
  }

  private static String sum(String by, String expression) {
    return (by.isEmpty() ? "sum" : "sum by (" + by + ")") + " (" + expression + ")";
  }

  private static String title(Origin origin) {
    return switch (origin) {
      case AGENT -> "Agent metrics (recorded through AgentMetrics)";
      case SELF -> "agentmetrics' own health";
      case HTTP -> "Metrics server HTTP";
      case JVM -> "JVM, process and system (SystemMetrics.bindTo)";
      case PROMETHEUS -> "Written by Prometheus for every target";
      case HOST -> "Host (node exporter)";
      case POSTGRES -> "PostgreSQL (postgres_exporter)";
      case REDIS -> "Redis (redis_exporter)";
      case CONTAINER -> "Containers (cAdvisor)";
    };
  }

  private static String type(MetricDefinition metric) {
    return switch (metric.type()) {
      case COUNTER -> "counter";
      case COUNTER_WITHOUT_TOTAL -> "counter (the exporter writes no `_total`)";
      case GAUGE -> "gauge";
      case TIMER -> metric.isHistogram() ? "histogram (timer)" : "summary (timer: count, sum, max)";
      case DISTRIBUTION_SUMMARY ->
          metric.isHistogram()
              ? "histogram (distribution summary)"
              : "summary (distribution summary: count, sum, max)";
    };
  }

  private static String unit(MetricDefinition metric) {
    if (metric.type() == MetricType.TIMER) {
      return "seconds";
    }
    return metric.baseUnit() == null ? "none" : metric.baseUnit();
  }

  private static String values(LabelPolicy policy) {
    if (policy.isClosed()) {
      return policy.allowedValues().stream()
          .map(v -> "`" + v + "`")
          .collect(Collectors.joining(", "));
    }
    return "free text, up to "
        + policy.maxLength()
        + " characters of `[A-Za-z0-9 _.:/@+-]`, at most "
        + policy.maxDistinctValues()
        + " distinct values";
  }
}
