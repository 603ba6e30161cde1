package io.agentmetrics.dashboards.lint;

import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.catalogue.QueryCatalogue;
import io.agentmetrics.catalogue.promql.CatalogueCheck;
import io.agentmetrics.catalogue.promql.Grouping;
import io.agentmetrics.catalogue.promql.Matcher;
import io.agentmetrics.catalogue.promql.PromQlException;
import io.agentmetrics.catalogue.promql.QueryFacts;
import io.agentmetrics.catalogue.promql.Selector;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.RecordedSeries;
import io.agentmetrics.dashboards.Variable;
import io.agentmetrics.dashboards.lint.TargetRules.PanelTarget;
import io.agentmetrics.dashboards.promql.LabelValuesQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Our rules that tie the dashboards to the metrics-api catalogue. */
final class CatalogueRules {

  private CatalogueRules() {}

  static LintRule metricsExist() {
    return Rule.perDashboard(
        "catalogue-metric-rule",
        "Checks that every metric a query references is in the catalogue, with the labels it uses.",
        (d, f) -> {
          for (PanelTarget pt : TargetRules.prometheusTargets(d)) {
            TargetRules.parse(pt.target())
                .ifPresent(q -> problems(q).forEach(m -> f.error(d, pt.panel(), pt.target(), m)));
          }
          for (Variable v : d.variables()) {
            if (!v.type().equals("query")) {
              continue;
            }
            try {
              QueryFacts q = LabelValuesQuery.readVariableQuery(v.query());
              CatalogueCheck.problems(q)
                  .forEach(m -> f.error(d, "variable '" + v.name() + "': " + m));
            } catch (PromQlException e) {
              f.error(d, "variable '" + v.name() + "' has an invalid query: " + e.getMessage());
            }
          }
        });
  }

  /**
   * The catalogue's problems of a query, where the selectors of recorded series ({@link
   * RecordedSeries}) are checked against the labels they keep instead, and the groupings that read
   * them are left to Prometheus.
   */
  private static List<String> problems(QueryFacts q) {
    List<String> problems = new ArrayList<>();
    List<Selector> catalogued = new ArrayList<>();
    for (Selector s : q.selectors()) {
      Optional<Set<String>> kept = RecordedSeries.labels(s.metric());
      if (kept.isEmpty()) {
        catalogued.add(s);
        continue;
      }
      for (Matcher m : s.matchers()) {
        if (!kept.get().contains(m.label())) {
          problems.add(
              "recorded series '"
                  + s.metric()
                  + "' has no label '"
                  + m.label()
                  + "' (it keeps "
                  + kept.get()
                  + ")");
        }
      }
    }
    List<Grouping> groupings =
        q.groupings().stream()
            .filter(g -> g.metrics().stream().noneMatch(m -> RecordedSeries.labels(m).isPresent()))
            .toList();
    problems.addAll(CatalogueCheck.problems(new QueryFacts(catalogued, groupings, q.functions())));
    return problems;
  }

  static LintRule coverage() {
    return new Rule(
        "catalogue-coverage-rule",
        "Checks that every catalogue metric appears in at least one panel.",
        (all, f) -> {
          Set<String> used = new HashSet<>();
          for (Dashboard d : all) {
            for (PanelTarget pt : TargetRules.prometheusTargets(d)) {
              TargetRules.parse(pt.target()).ifPresent(q -> used.addAll(q.metrics()));
            }
          }
          List<MetricDefinition> missing =
              QueryCatalogue.all().stream()
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
