package io.agentmetrics.dashboards.lint;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Variable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The template variable rules of grafana/dashboard-linter. */
final class TemplateRules {

  static final String PROMETHEUS = "prometheus";

  private TemplateRules() {}

  /** The first datasource variable, as the linter's {@code getTemplateDatasource}. */
  static Optional<Variable> datasourceVariable(Dashboard d) {
    return d.variables().stream().filter(v -> v.type().equals("datasource")).findFirst();
  }

  /** Whether the dashboard's templated data source is Prometheus (gate of the target rules). */
  static boolean usesPrometheus(Dashboard d) {
    return datasourceVariable(d).map(v -> v.query().equals(PROMETHEUS)).orElse(false);
  }

  static LintRule datasource() {
    return Rule.perDashboard(
        "template-datasource-rule",
        "Checks that the dashboard has a templated datasource.",
        (d, f) -> {
          List<Variable> sources =
              d.variables().stream().filter(v -> v.type().equals("datasource")).toList();
          if (sources.isEmpty()) {
            f.error(d, "does not have a templated data source");
            return;
          }
          for (Variable source : sources) {
            String query = source.query();
            String uid = query.toLowerCase(Locale.ROOT) + "_datasource";
            String name = capitalize(query) + " data source";
            boolean single = sources.size() == 1;
            if (!source.name().equals(uid) && !(single && source.name().equals("datasource"))) {
              f.error(
                  d,
                  "templated data source variable named '"
                      + source.name()
                      + "', should be named '"
                      + uid
                      + "'"
                      + (single ? ", or 'datasource'" : ""));
            } else if (!source.label().equals(name)
                && !(single && source.label().equals("Data source"))) {
              f.warning(
                  d,
                  "templated data source variable labeled '"
                      + source.label()
                      + "', should be labeled '"
                      + name
                      + "'"
                      + (single ? ", or 'Data source'" : ""));
            }
          }
        });
  }

  static LintRule job() {
    return requiredVariable("template-job-rule", "job");
  }

  static LintRule instance() {
    return requiredVariable("template-instance-rule", "instance");
  }

  private static LintRule requiredVariable(String rule, String name) {
    return Rule.perDashboard(
        rule,
        "Checks that the dashboard has a templated " + name + ".",
        (d, f) -> {
          if (!usesPrometheus(d)) {
            return;
          }
          Optional<Variable> found = d.variable(name);
          if (found.isEmpty()) {
            f.error(d, "is missing the " + name + " template");
            return;
          }
          Variable v = found.get();
          Set<String> allowed =
              Set.of(
                  "$datasource",
                  "${datasource}",
                  "$prometheus_datasource",
                  "${prometheus_datasource}");
          if (!allowed.contains(v.datasourceUid())) {
            f.error(
                d,
                name
                    + " template should use datasource '$datasource', is currently '"
                    + v.datasourceUid()
                    + "'");
          }
          if (!v.type().equals("query")) {
            f.error(
                d,
                name + " template should be a Prometheus query, is currently '" + v.type() + "'");
          }
          if (!v.label().equals(capitalize(name))) {
            f.warning(
                d,
                name
                    + " template should be labeled '"
                    + capitalize(name)
                    + "', is currently '"
                    + v.label()
                    + "'");
          }
          if (!v.multi()) {
            f.error(d, name + " template should be a multi select");
          }
          if (!v.allValue().equals(".+")) {
            f.error(
                d, name + " template allValue should be '.+', is currently '" + v.allValue() + "'");
          }
        });
  }

  static LintRule onTimeChangeReload() {
    return Rule.perDashboard(
        "template-on-time-change-reload-rule",
        "Checks that the dashboard template variables are configured to reload on time change.",
        (d, f) -> {
          for (Variable v : d.variables()) {
            if (v.type().equals("query") && v.refresh() != Variable.REFRESH_ON_TIME_RANGE_CHANGE) {
              f.error(
                  d,
                  "templated variable named '"
                      + v.name()
                      + "' should be refreshed 'On Time Range Change' (value 2), is currently '"
                      + v.refresh()
                      + "'");
            }
          }
        });
  }

  static LintRule uneditable() {
    return Rule.perDashboard(
        "uneditable-dashboard-rule",
        "Checks that the dashboard is not editable.",
        (d, f) -> {
          if (d.editable()) {
            f.error(d, "is editable, it should be set to 'editable: false'");
          }
        });
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
