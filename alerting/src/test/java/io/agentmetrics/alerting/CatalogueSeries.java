package io.agentmetrics.alerting;

import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.catalogue.QueryCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input series in promtool's notation for every series of every catalogue metric: every combination
 * of its label values where they are few, else a base label set (the first value of each label) and
 * one variant per further value of a label, so that every closed-set value and the usual values of
 * open labels (error types, routes, statuses) have data. Exporters' series carry the exporters'
 * jobs of the mixin configuration ({@code node}, {@code postgres}, {@code redis}). Counters grow by
 * 60 a step, gauges stay at 5, histograms put one observation more in each bucket; {@code up} also
 * has a target that is down.
 */
final class CatalogueSeries {

  /**
   * The job and instance of every generated series; queries' {@code $job} and {@code $instance}.
   */
  static final String JOB = "app";

  static final String INSTANCE = "app:8080";

  /** The value of free-text labels; the runbooks' {@code $agent}, {@code $cache} ... */
  static final String FREE_TEXT = "a";

  /** Values of open labels that queries select on, beside {@link #FREE_TEXT}. */
  private static final Map<String, List<String>> USUAL_VALUES =
      Map.ofEntries(
          Map.entry("error_type", List.of("", "timeout", "500", "RateLimitError", "cancelled")),
          Map.entry("uri", List.of("/api/ask", "/api/v1/events", "/v1/traces", "/health")),
          Map.entry("status", List.of("200", "202", "500", "503", "401")),
          Map.entry("method", List.of("POST", "GET")),
          // The method the queries select, not all 16 well-known ones: fewer series to load.
          Map.entry("mcp_method_name", List.of("tools/call")),
          Map.entry("mode", List.of("idle", "user")),
          Map.entry("area", List.of("heap", "nonheap")),
          Map.entry("team", List.of(FREE_TEXT, "")),
          Map.entry("outcome", List.of("SUCCESS")));

  /** Up to this many series, a metric gets every combination of its label values. */
  private static final int MAX_COMBINATIONS = 60;

  private CatalogueSeries() {}

  /** Every input series, for {@code steps} steps. */
  static List<Map<String, String>> all(long steps) {
    List<Map<String, String>> series = new ArrayList<>();
    for (MetricDefinition metric : QueryCatalogue.all()) {
      for (Map<String, String> labels : labelSets(metric)) {
        for (String name : metric.seriesNames()) {
          add(series, metric, name, labels, steps);
        }
      }
    }
    series.add(input("up{job=\"" + JOB + "\", instance=\"down:8080\"}", "0x" + steps));
    for (String exporter : List.of("node", "postgres", "redis")) {
      series.add(
          input("up{job=\"" + exporter + "\", instance=\"" + INSTANCE + "\"}", "1x" + steps));
    }
    return series;
  }

  /** The value a runbook variable ({@code agent}, {@code provider} ...) stands for. */
  static String valueOf(String label) {
    return switch (label) {
      case "job" -> JOB;
      case "instance" -> INSTANCE;
      default ->
          QueryCatalogue.all().stream()
              .flatMap(m -> m.labels().stream())
              .filter(l -> l.prometheusName().equals(label))
              .findFirst()
              .map(l -> values(l).get(0))
              .orElse(FREE_TEXT);
    };
  }

  private static void add(
      List<Map<String, String>> series,
      MetricDefinition metric,
      String name,
      Map<String, String> labels,
      long steps) {
    if (name.endsWith("_bucket")) {
      List<Double> buckets = metric.buckets();
      for (int i = 0; i < buckets.size(); i++) {
        Map<String, String> withLe = new LinkedHashMap<>(labels);
        withLe.put("le", Double.toString(buckets.get(i)));
        series.add(input(selector(name, withLe), "0+" + (i + 1) + "x" + steps));
      }
      Map<String, String> inf = new LinkedHashMap<>(labels);
      inf.put("le", "+Inf");
      series.add(input(selector(name, inf), "0+" + (buckets.size() + 1) + "x" + steps));
    } else if (name.endsWith("_count")) {
      series.add(input(selector(name, labels), "0+" + (metric.buckets().size() + 1) + "x" + steps));
    } else if (name.endsWith("_sum") || name.endsWith("_total") || counter(metric)) {
      series.add(input(selector(name, labels), "0+60x" + steps));
    } else if (name.contains("timestamp")
        || name.contains("last_seen")
        || name.contains("start_time")) {
      // A clock: seconds since the start of the data, advancing with it.
      series.add(input(selector(name, labels), "0+60x" + steps));
    } else if (name.equals("up")) {
      series.add(input(selector(name, labels), "1x" + steps));
    } else {
      series.add(input(selector(name, labels), "5x" + steps));
    }
  }

  private static boolean counter(MetricDefinition metric) {
    return metric.type() == MetricType.COUNTER || metric.type() == MetricType.COUNTER_WITHOUT_TOTAL;
  }

  private static String job(MetricDefinition metric) {
    return switch (metric.origin()) {
      case HOST -> "node";
      case POSTGRES -> "postgres";
      case REDIS -> "redis";
      default -> JOB;
    };
  }

  private static List<Map<String, String>> labelSets(MetricDefinition metric) {
    Map<String, String> base = new LinkedHashMap<>();
    base.put("job", job(metric));
    base.put("instance", INSTANCE);
    long combinations = 1;
    for (LabelDefinition label : metric.labels()) {
      base.put(label.prometheusName(), values(label).get(0));
      combinations *= values(label).size();
    }
    List<Map<String, String>> sets = new ArrayList<>();
    if (combinations <= MAX_COMBINATIONS) {
      sets.add(base);
      for (LabelDefinition label : metric.labels()) {
        List<Map<String, String>> more = new ArrayList<>();
        for (Map<String, String> set : sets) {
          for (String value : values(label).subList(1, values(label).size())) {
            Map<String, String> variant = new LinkedHashMap<>(set);
            variant.put(label.prometheusName(), value);
            more.add(variant);
          }
        }
        sets.addAll(more);
      }
      return sets;
    }
    sets.add(base);
    for (LabelDefinition label : metric.labels()) {
      List<String> values = values(label);
      for (String value : values.subList(1, values.size())) {
        Map<String, String> variant = new LinkedHashMap<>(base);
        variant.put(label.prometheusName(), value);
        sets.add(variant);
      }
    }
    return sets;
  }

  private static List<String> values(LabelDefinition label) {
    List<String> usual = USUAL_VALUES.get(label.prometheusName());
    if (usual != null) {
      return usual;
    }
    List<String> allowed = new ArrayList<>(label.policy().allowedValues());
    return allowed.isEmpty() ? List.of(FREE_TEXT) : allowed;
  }

  private static String selector(String name, Map<String, String> labels) {
    return name
        + labels.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
            .collect(Collectors.joining(", ", "{", "}"));
  }

  private static Map<String, String> input(String series, String values) {
    return Map.of("series", series, "values", values);
  }
}
