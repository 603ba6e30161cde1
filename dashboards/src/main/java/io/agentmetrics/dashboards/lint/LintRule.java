package io.agentmetrics.dashboards.lint;

import io.agentmetrics.dashboards.Dashboard;
import java.util.List;

/** A lint rule. Most rules look at one dashboard at a time; some look at the whole set. */
public interface LintRule {

  /** The rule's name, e.g. {@code target-rate-interval-rule}. */
  String name();

  /** What the rule checks, one sentence. */
  String description();

  /** The findings of this rule on a set of dashboards. */
  List<LintProblem> check(List<Dashboard> dashboards);
}
