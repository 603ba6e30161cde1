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

  /**
   * Whether the dashboard has a templated Prometheus data source (gate of the target rules); other
   * data source variables (e.g. Loki's) may come beside it.
   */
  static boolean usesPrometheus(Dashboard d) {
    return datasourceVariables(d).stream().anyMatch(v -> v.query().equals(PROMETHEUS));
  }

  private static List<Variable> datasourceVariables(Dashboard d) {
    return d.variables().stream().filter(v -> v.type().equals("datasource")).toList();
  }

  static LintRule datasource() {
    return Rule.perDashboard(
        "template-datasource-rule",
        "Checks that the dashboard has a templated Prometheus datasource, and that each"
            + " templated datasource is named after its type.",
        (d, f) -> {
          List<Variable> sources = datasourceVariables(d);
          if (sources.isEmpty()) {
            f.error(d, "does not have a templated data source");
            return;
          }
          if (!usesPrometheus(d)) {
            f.error(d, "does not have a templated Prometheus data source (query 'prometheus')");
          }
          for (Variable source : sources) {
            String query = source.query();
            String uid = query.toLowerCase(Locale.ROOT) + "_datasource";
            String name = capitalize(query) + " data source";
            // Upstream allows 'datasource' only when it is the only one; we keep it for the
            // Prometheus variable beside others (e.g. loki_datasource), so queries stay unchanged.
            boolean plainName = sources.size() == 1 || query.equals(PROMETHEUS);
            if (!source.name().equals(uid) && !(plainName && source.name().equals("datasource"))) {
              f.error(
                  d,
                  "templated data source variable named '"
                      + source.name()
                      + "', should be named '"
                      + uid
                      + "'"
                      + (plainName ? ", or 'datasource'" : ""));
            } else if (!source.label().equals(name)
                && !(plainName && source.label().equals("Data source"))) {
              f.warning(
                  d,
                  "templated data source variable labeled '"
                      + source.label()
                      + "', should be labeled '"
                      + name
                      + "'"
                      + (plainName ? ", or 'Data source'" : ""));
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
