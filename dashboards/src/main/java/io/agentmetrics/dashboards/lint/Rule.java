package io.agentmetrics.dashboards.lint;

import io.agentmetrics.dashboards.Dashboard;
import java.util.List;
import java.util.function.BiConsumer;

/** A rule made of a name, a description and a check that reports into {@link Findings}. */
record Rule(String name, String description, BiConsumer<List<Dashboard>, Findings> check)
    implements LintRule {

  /** A rule that looks at each dashboard on its own. */
  static Rule perDashboard(String name, String description, BiConsumer<Dashboard, Findings> check) {
    return new Rule(
        name, description, (all, findings) -> all.forEach(d -> check.accept(d, findings)));
  }

  @Override
  public List<LintProblem> check(List<Dashboard> dashboards) {
    Findings findings = new Findings(name);
    check.accept(dashboards, findings);
    return findings.problems();
  }
}
