package io.agentmetrics.dashboards.lint;

import io.agentmetrics.catalogue.promql.Matcher;
import io.agentmetrics.catalogue.promql.PromQlException;
import io.agentmetrics.catalogue.promql.PromQlReader;
import io.agentmetrics.catalogue.promql.QueryFacts;
import io.agentmetrics.catalogue.promql.Selector;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.RecordedSeries;
import io.agentmetrics.dashboards.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The target (query) rules of grafana/dashboard-linter, plus ours on ranges. Like upstream, they
 * run only on dashboards whose templated data source is Prometheus, and only on the targets that
 * run on Prometheus (a Loki target's LogQL is not PromQL).
 */
final class TargetRules {

  private static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate");
  private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase");
  private static final Set<String> RATE_INTERVAL = Set.of("$__rate_interval", "${__rate_interval}");
  private static final Set<String> GRAFANA_RANGES =
      Set.of(
          "$__rate_interval",
          "${__rate_interval}",
          "$__range",
          "${__range}",
          "$__interval",
          "${__interval}");

  /**
   * The only fixed ranges allowed: a panel that shows what an alert computes reads the alert's own
   * window (dashboard title, panel title and range), so panel and page agree.
   */
  private static final Set<List<String>> ALERT_WINDOWS =
      Set.of(
          // AgentMetricsMonthlyCostProjectedOverBudget: month to date plus the 7-day hourly
          // average.
          List.of("agentmetrics / Cost", "Forecast to end of month", "7d"),
          // AgentMetricsEvaluationScoreDropped: the hourly mean score against the daily mean.
          List.of("agentmetrics / Quality", "Score against its baseline", "1h"),
          List.of("agentmetrics / Quality", "Score against its baseline", "1d"),
          List.of("agentmetrics / Quality", "Evaluation score against its baseline", "1d"));

  private TargetRules() {}

  private static boolean alertWindow(Dashboard d, Panel p, Selector s) {
    return ALERT_WINDOWS.contains(List.of(d.title(), p.title(), s.range()));
  }

  /** Visits each Prometheus target of a dashboard with its parsed query. */
  interface TargetCheck {
    void check(Dashboard d, Panel p, Target t, QueryFacts facts, Findings f);
  }

  static LintRule forEachTarget(String name, String description, TargetCheck check) {
    return Rule.perDashboard(
        name,
        description,
        (d, f) -> {
          if (!TemplateRules.usesPrometheus(d)) {
            return;
          }
          for (PanelTarget pt : prometheusTargets(d)) {
            parse(pt.target()).ifPresent(q -> check.check(d, pt.panel(), pt.target(), q, f));
          }
        });
  }

  /** A target with the panel it belongs to. */
  record PanelTarget(Panel panel, Target target) {}

  /**
   * The targets of the dashboard's query panels that run on Prometheus: only they hold PromQL, so
   * only they are read as PromQL and checked against the catalogue. Loki targets (LogQL) are
   * checked by {@link LogQlRules}.
   */
  static List<PanelTarget> prometheusTargets(Dashboard d) {
    return targets(d).stream().filter(pt -> d.isPrometheus(pt.panel(), pt.target())).toList();
  }

  /** The targets of the dashboard's query panels that run on Loki. */
  static List<PanelTarget> lokiTargets(Dashboard d) {
    return targets(d).stream()
        .filter(pt -> d.datasourceType(pt.panel(), pt.target()).equals(Dashboard.LOKI))
        .toList();
  }

  private static List<PanelTarget> targets(Dashboard d) {
    List<PanelTarget> targets = new ArrayList<>();
    for (Panel p : PanelRules.queryPanels(d)) {
      p.targets().forEach(t -> targets.add(new PanelTarget(p, t)));
    }
    return targets;
  }

  static Optional<QueryFacts> parse(Target t) {
    try {
      return Optional.of(PromQlReader.read(t.expr()));
    } catch (PromQlException e) {
      return Optional.empty(); // reported by target-promql-rule
    }
  }

  static LintRule promql() {
    return Rule.perDashboard(
        "target-promql-rule",
        "Checks that each Prometheus target has a PromQL query that can be read.",
        (d, f) -> {
          for (PanelTarget pt : prometheusTargets(d)) {
            Panel p = pt.panel();
            Target t = pt.target();
            if (t.expr().isBlank()) {
              f.error(d, p, t, "has an empty query");
              continue;
            }
            try {
              PromQlReader.read(t.expr());
            } catch (PromQlException e) {
              f.error(d, p, t, "invalid PromQL query '" + t.expr() + "': " + e.getMessage());
            }
          }
        });
  }

  static LintRule rateInterval() {
    return forEachTarget(
        "target-rate-interval-rule",
        "Checks that each target uses $__rate_interval.",
        (d, p, t, q, f) -> {
          for (Selector s : q.selectors()) {
            if (s.ranged()
                && !RATE_INTERVAL.contains(s.range())
                && RATE_FUNCTIONS.contains(s.function())
                && !alertWindow(d, p, s)) {
              f.error(
                  d, p, t, "invalid PromQL query '" + t.expr() + "': should use $__rate_interval");
            }
          }
        });
  }

  static LintRule grafanaRanges() {
    return forEachTarget(
        "target-range-variable-rule",
        "Checks that every range is $__rate_interval, $__range or $__interval, never a fixed"
            + " duration.",
        (d, p, t, q, f) -> {
          for (Selector s : q.selectors()) {
            if (s.ranged() && !GRAFANA_RANGES.contains(s.range()) && !alertWindow(d, p, s)) {
              f.error(
                  d,
                  p,
                  t,
                  "range ["
                      + s.range()
                      + "] of "
                      + s.metric()
                      + " is fixed: use $__rate_interval (or $__range for totals)");
            }
          }
        });
  }

  static LintRule job() {
    return requiredMatcher("job");
  }

  static LintRule instance() {
    return requiredMatcher("instance");
  }

  private static LintRule requiredMatcher(String label) {
    return forEachTarget(
        "target-" + label + "-rule",
        "Checks that every PromQL query has a " + label + " matcher.",
        (d, p, t, q, f) -> {
          for (Selector s : q.selectors()) {
            if (RecordedSeries.labels(s.metric())
                .filter(kept -> !kept.contains(label))
                .isPresent()) {
              continue; // a recording rule that aggregates the label away
            }
            Optional<Matcher> m = s.matcher(label);
            String problem = null;
            if (m.isEmpty()) {
              problem = label + " selector not found";
            } else if (!m.get().operator().equals("=~")) {
              problem = label + " selector is " + m.get().operator() + ", not =~";
            } else if (!m.get().value().equals("$" + label)) {
              problem = label + " selector is " + m.get().value() + ", not $" + label;
            }
            if (problem != null) {
              f.error(d, p, t, "invalid PromQL query '" + t.expr() + "': " + problem);
              return;
            }
          }
        });
  }

  static LintRule counterAgg() {
    return forEachTarget(
        "target-counter-agg-rule",
        "Checks that any counter metric (ending in _total) is aggregated with rate, irate, or"
            + " increase.",
        (d, p, t, q, f) -> {
          for (Selector s : q.selectors()) {
            if (s.metric().endsWith("_total")
                && !(s.ranged() && COUNTER_FUNCTIONS.contains(s.function()))) {
              f.error(
                  d,
                  p,
                  t,
                  "counter metric '"
                      + s.metric()
                      + "' is not aggregated with rate, irate, or increase");
            }
          }
        });
  }
}
