package io.agentmetrics.dashboards.lint;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The panel rules of grafana/dashboard-linter. They apply to every panel type that runs queries
 * (the upstream linter lists fewer types; we also check table, piechart, bargauge and logs panels),
 * except that logs panels need no unit.
 */
final class PanelRules {

  /** Panel types that run queries and show values. */
  static final Set<String> QUERY_PANEL_TYPES =
      Set.of(
          "stat",
          "singlestat",
          "graph",
          "table",
          "table-old",
          "timeseries",
          "gauge",
          "piechart",
          "bargauge",
          "heatmap",
          "histogram",
          "state-timeline",
          "status-history",
          "barchart",
          "logs");

  /**
   * Query panels that show log lines rather than values: they have no unit, so panel-units-rule
   * skips them (as upstream, whose unit rule lists only value panels).
   */
  static final Set<String> LOG_PANEL_TYPES = Set.of("logs");

  private PanelRules() {}

  static LintRule datasource() {
    return Rule.perDashboard(
        "panel-datasource-rule",
        "Checks that each panel uses the templated datasource.",
        (d, f) -> {
          Set<String> allowed = new HashSet<>();
          for (Variable v : d.variables()) {
            if (v.type().equals("datasource")) {
              allowed.add("$" + v.name());
              allowed.add("${" + v.name() + "}");
            }
          }
          for (Panel p : queryPanels(d)) {
            if (!allowed.contains(p.datasourceUid())) {
              f.error(
                  d, p, "does not use a templated datasource, uses '" + p.datasourceUid() + "'");
            }
          }
        });
  }

  static LintRule titleDescription() {
    return Rule.perDashboard(
        "panel-title-description-rule",
        "Checks that each panel has a title and description.",
        (d, f) -> {
          for (Panel p : queryPanels(d)) {
            if (p.title().isBlank() || p.description().isBlank()) {
              f.error(
                  d,
                  p,
                  "panel with id '"
                      + p.id()
                      + "' has missing title or description, currently has title '"
                      + p.title()
                      + "' and description: '"
                      + p.description()
                      + "'");
            }
          }
        });
  }

  static LintRule units() {
    return Rule.perDashboard(
        "panel-units-rule",
        "Checks that each panel uses has valid units defined.",
        (d, f) -> {
          for (Panel p : queryPanels(d)) {
            if (LOG_PANEL_TYPES.contains(p.type())) {
              continue;
            }
            List<String> overrides = p.overrideUnits();
            String unit = overrides.isEmpty() ? p.unit() : overrides.get(overrides.size() - 1);
            if (unit.isEmpty() || !GrafanaUnits.VALID.contains(unit)) {
              f.error(d, p, "has no or invalid units defined: '" + unit + "'");
            }
          }
        });
  }

  static LintRule noTargets() {
    return Rule.perDashboard(
        "panel-no-targets-rule",
        "Checks that each panel has at least one target.",
        (d, f) -> {
          for (Panel p : queryPanels(d)) {
            if (!p.hasTargets() || p.targets().isEmpty()) {
              f.error(d, p, "has no targets");
            }
          }
        });
  }

  static List<Panel> queryPanels(Dashboard d) {
    return d.panels().stream().filter(p -> QUERY_PANEL_TYPES.contains(p.type())).toList();
  }
}
