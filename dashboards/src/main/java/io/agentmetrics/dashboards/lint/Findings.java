package io.agentmetrics.dashboards.lint;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import io.agentmetrics.dashboards.lint.LintProblem.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one rule, with the context (dashboard, panel, target) filled in. */
final class Findings {

  private final String rule;
  private final List<LintProblem> problems = new ArrayList<>();

  Findings(String rule) {
    this.rule = rule;
  }

  void error(Dashboard d, String message) {
    add(Severity.ERROR, d, null, null, message);
  }

  void warning(Dashboard d, String message) {
    add(Severity.WARNING, d, null, null, message);
  }

  void error(Dashboard d, Panel p, String message) {
    add(Severity.ERROR, d, p, null, message);
  }

  void error(Dashboard d, Panel p, Target t, String message) {
    add(Severity.ERROR, d, p, t, message);
  }

  List<LintProblem> problems() {
    return List.copyOf(problems);
  }

  private void add(Severity severity, Dashboard d, Panel p, Target t, String message) {
    String dashboard = d.title().isEmpty() ? d.fileName() : d.title();
    String panel = p == null ? "" : p.title().isEmpty() ? "panel " + p.id() : p.title();
    problems.add(
        new LintProblem(rule, severity, dashboard, panel, t == null ? "" : t.refId(), message));
  }
}
