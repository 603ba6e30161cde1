package io.agentmetrics.dashboards.lint;

import io.agentmetrics.dashboards.Dashboard;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints Grafana dashboards with the rules of grafana/dashboard-linter and ours (catalogue,
 * uniqueness, links, fixed ranges).
 */
public final class Linter {

  private final List<LintRule> rules;

  /** A linter with these rules. */
  public Linter(List<LintRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** A linter with every rule. */
  public static Linter standard() {
    return new Linter(
        List.of(
            TemplateRules.datasource(),
            TemplateRules.job(),
            TemplateRules.instance(),
            TemplateRules.onTimeChangeReload(),
            TemplateRules.uneditable(),
            PanelRules.datasource(),
            PanelRules.titleDescription(),
            PanelRules.units(),
            PanelRules.noTargets(),
            TargetRules.promql(),
            TargetRules.rateInterval(),
            TargetRules.grafanaRanges(),
            TargetRules.job(),
            TargetRules.instance(),
            TargetRules.counterAgg(),
            LogQlRules.jobAndInstance(),
            CatalogueRules.metricsExist(),
            CatalogueRules.coverage(),
            SetRules.uniqueUidsAndTitles(),
            SetRules.links()));
  }

  /** The rules, in order. */
  public List<LintRule> rules() {
    return rules;
  }

  /** The rule with this name. */
  public LintRule rule(String name) {
    return rules.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no lint rule " + name));
  }

  /** Every finding of every rule on this set of dashboards. */
  public List<LintProblem> lint(List<Dashboard> dashboards) {
    List<LintProblem> problems = new ArrayList<>();
    for (LintRule rule : rules) {
      problems.addAll(rule.check(dashboards));
    }
    return problems;
  }
}
