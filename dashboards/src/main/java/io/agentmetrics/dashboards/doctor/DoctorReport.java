package io.agentmetrics.dashboards.doctor;

import java.util.List;

/** Renders the doctor's checks as a plain-text table and says whether any failed. */
public final class DoctorReport {

  private DoctorReport() {}

  /** Whether any check has no data or an error (skipped targets are not failures). */
  public static boolean failed(List<TargetCheck> checks) {
    return !failures(checks).isEmpty();
  }

  /** The checks with no data or an error. */
  public static List<TargetCheck> failures(List<TargetCheck> checks) {
    return checks.stream().filter(c -> c.status().failing()).toList();
  }

  /** A table of dashboard, panel, refId, series count and status, with a summary line. */
  public static String table(List<TargetCheck> checks) {
    return table(checks, false);
  }

  /**
   * The table; with {@code showQueries}, every line ends with the query as sent (otherwise only
   * failing lines do).
   */
  public static String table(List<TargetCheck> checks, boolean showQueries) {
    int dw = width(checks.stream().map(TargetCheck::dashboard).toList(), "DASHBOARD");
    int pw = width(checks.stream().map(TargetCheck::panel).toList(), "PANEL");
    String format = "%-" + dw + "s  %-" + pw + "s  %-5s  %6s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "DASHBOARD", "PANEL", "REFID", "SERIES", "STATUS"));
    for (TargetCheck c : checks) {
      String status =
          c.status() == TargetCheck.Status.OK
              ? "OK" + (showQueries ? "  " + c.query() : "")
              : c.status() + describe(c);
      out.append(String.format(format, c.dashboard(), c.panel(), c.refId(), c.series(), status));
    }
    long bad = failures(checks).size();
    long skipped = checks.stream().filter(c -> c.status() == TargetCheck.Status.SKIPPED).count();
    out.append(
        String.format(
            "%d checked, %d OK, %d skipped (not Prometheus, no cAdvisor, or an optional label no target carries), %d without data or failing%n",
            checks.size(), checks.size() - bad - skipped, skipped, bad));
    return out.toString();
  }

  private static String describe(TargetCheck c) {
    return c.message().isEmpty() ? "  " + c.query() : "  " + c.message() + "  " + c.query();
  }

  private static int width(List<String> values, String header) {
    int max = header.length();
    for (String v : values) {
      max = Math.max(max, v.length());
    }
    return Math.min(max, 60);
  }
}
