package io.agentmetrics.dashboards.lint;

/**
 * One finding of the linter.
 *
 * @param rule the rule's name, e.g. {@code target-job-rule}
 * @param severity error or warning
 * @param dashboard the dashboard's title (or file name when it has none)
 * @param panel the panel's title; empty for dashboard-level findings
 * @param refId the target's refId; empty unless the finding is about a query
 * @param message what is wrong
 */
public record LintProblem(
    String rule, Severity severity, String dashboard, String panel, String refId, String message) {

  /** How bad a finding is. */
  public enum Severity {
    /** Must be fixed. */
    ERROR,
    /** Should be fixed. */
    WARNING
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(severity).append(" [").append(rule).append("] ").append(dashboard);
    if (!panel.isEmpty()) {
      out.append(" / ").append(panel);
    }
    if (!refId.isEmpty()) {
      out.append(" / ").append(refId);
    }
    return out.append(": ").append(message).toString();
  }
}
