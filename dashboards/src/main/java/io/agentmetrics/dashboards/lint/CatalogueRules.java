package io.agentmetrics.dashboards.lint;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import io.agentmetrics.dashboards.Variable;
import io.agentmetrics.dashboards.promql.Grouping;
import io.agentmetrics.dashboards.promql.Matcher;
import io.agentmetrics.dashboards.promql.PromQlException;
import io.agentmetrics.dashboards.promql.PromQlReader;
import io.agentmetrics.dashboards.promql.QueryFacts;
import io.agentmetrics.dashboards.promql.Selector;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Our rules that tie the dashboards to the metrics-api catalogue. */
final class CatalogueRules {

  private CatalogueRules() {}

  /** The labels a query may use on a series: the metric's, the target's and {@code le}. */
  static Set<String> allowedLabels(String series, MetricDefinition metric) {
    Set<String> labels = new LinkedHashSet<>(metric.labelNames());
    labels.addAll(MetricCatalogue.targetLabels());
    labels.add("__name__");
    if (series.endsWith("_bucket")) {
      labels.add("le");
    }
    return labels;
  }

  static LintRule metricsExist() {
    return Rule.perDashboard(
        "catalogue-metric-rule",
        "Checks that every metric a query references is in the catalogue, with the labels it uses.",
        (d, f) -> {
          for (Panel p : PanelRules.queryPanels(d)) {
            for (Target t : p.targets()) {
              TargetRules.parse(t)
                  .ifPresent(q -> checkFacts(q, message -> f.error(d, p, t, message)));
            }
          }
          for (Variable v : d.variables()) {
            if (!v.type().equals("query")) {
              continue;
            }
            try {
              QueryFacts q = PromQlReader.readVariableQuery(v.query());
              checkFacts(q, message -> f.error(d, "variable '" + v.name() + "': " + message));
            } catch (PromQlException e) {
              f.error(d, "variable '" + v.name() + "' has an invalid query: " + e.getMessage());
            }
          }
        });
  }

  /** Reports unknown metrics, and labels a metric does not have. */
  static void checkFacts(QueryFacts q, Consumer<String> report) {
    for (Selector s : q.selectors()) {
      if (s.metric().isEmpty()) {
        report.accept("a selector has no metric name, so it cannot be checked: " + s.matchers());
        continue;
      }
      Optional<MetricDefinition> metric = MetricCatalogue.bySeriesName(s.metric());
      if (metric.isEmpty()) {
        report.accept("metric '" + s.metric() + "' is not in the metrics-api catalogue");
        continue;
      }
      Set<String> allowed = allowedLabels(s.metric(), metric.get());
      for (Matcher m : s.matchers()) {
        if (!allowed.contains(m.label())) {
          report.accept(
              "metric '"
                  + s.metric()
                  + "' has no label '"
                  + m.label()
                  + "' (it has "
                  + allowed
                  + ")");
        }
      }
    }
    for (Grouping g : q.groupings()) {
      for (String series : g.metrics()) {
        Optional<MetricDefinition> metric = MetricCatalogue.bySeriesName(series);
        if (metric.isEmpty()) {
          continue; // reported above
        }
        Set<String> allowed = allowedLabels(series, metric.get());
        for (String label : g.labels()) {
          if (g.aggregation() && !allowed.contains(label)) {
            report.accept(
                g.clause()
                    + " ("
                    + label
                    + ") on '"
                    + series
                    + "', which has no label '"
                    + label
                    + "'");
          }
        }
      }
      if (!g.aggregation()) {
        checkVectorMatching(g, report);
      }
    }
  }

  private static void checkVectorMatching(Grouping g, Consumer<String> report) {
    Set<String> union = new HashSet<>();
    for (String series : g.metrics()) {
      MetricCatalogue.bySeriesName(series).ifPresent(m -> union.addAll(allowedLabels(series, m)));
    }
    for (String label : g.labels()) {
      if (!union.contains(label)) {
        report.accept(
            g.clause() + " (" + label + "): no metric of the query has label '" + label + "'");
      }
    }
  }

  static LintRule coverage() {
    return new Rule(
        "catalogue-coverage-rule",
        "Checks that every catalogue metric appears in at least one panel.",
        (all, f) -> {
          Set<String> used = new HashSet<>();
          for (Dashboard d : all) {
            for (Panel p : PanelRules.queryPanels(d)) {
              for (Target t : p.targets()) {
                TargetRules.parse(t).ifPresent(q -> used.addAll(q.metrics()));
              }
            }
          }
          List<MetricDefinition> missing =
              MetricCatalogue.all().stream()
                  .filter(m -> m.seriesNames().stream().noneMatch(used::contains))
                  .toList();
          if (!all.isEmpty()) {
            for (MetricDefinition m : missing) {
              f.error(
                  all.get(0),
                  "catalogue metric '"
                      + m.prometheusName()
                      + "' ("
                      + String.join(", ", m.seriesNames())
                      + ") appears in no panel of any dashboard");
            }
          }
        });
  }
}
