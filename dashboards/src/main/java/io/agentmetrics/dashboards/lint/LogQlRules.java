package io.agentmetrics.dashboards.lint;

import io.agentmetrics.dashboards.lint.TargetRules.PanelTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our rule for Loki targets: the PromQL rules do not apply to LogQL, but a log query must still
 * follow the dashboard's {@code $job} and {@code $instance}, so that logs and metrics show the same
 * servers.
 */
final class LogQlRules {

  /** One label matcher of a stream selector: name, operator, quoted value. */
  private static final Pattern MATCHER =
      Pattern.compile(
          "([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)");

  private LogQlRules() {}

  static LintRule jobAndInstance() {
    return Rule.perDashboard(
        "target-logql-selector-rule",
        "Checks that each Loki target's stream selectors filter on job=~\"$job\" and"
            + " instance=~\"$instance\".",
        (d, f) -> {
          for (PanelTarget pt : TargetRules.lokiTargets(d)) {
            String expr = pt.target().expr();
            String problem = problem(expr);
            if (problem != null) {
              f.error(d, pt.panel(), pt.target(), "invalid LogQL query '" + expr + "': " + problem);
            }
          }
        });
  }

  /** What is wrong with the query's stream selectors, or null. */
  static String problem(String expr) {
    if (expr.isBlank()) {
      return "empty query";
    }
    List<String> selectors = streamSelectors(expr);
    if (selectors.isEmpty()) {
      return "no stream selector {..}";
    }
    for (String selector : selectors) {
      Map<String, String> matchers = new LinkedHashMap<>();
      Matcher m = MATCHER.matcher(selector);
      while (m.find()) {
        String value = m.group(3);
        matchers.putIfAbsent(m.group(1), m.group(2) + value.substring(1, value.length() - 1));
      }
      for (String label : List.of("job", "instance")) {
        String found = matchers.get(label);
        if (found == null) {
          return label + " selector not found";
        }
        if (!found.equals("=~$" + label)) {
          return label
              + " selector is "
              + label
              + found
              + ", not "
              + label
              + "=~\"$"
              + label
              + "\"";
        }
      }
    }
    return null;
  }

  /** The contents of every {@code {..}} outside string literals: LogQL's stream selectors. */
  static List<String> streamSelectors(String expr) {
    List<String> selectors = new ArrayList<>();
    int start = -1;
    char quote = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (c == '{' && start < 0) {
        start = i + 1;
      } else if (c == '}' && start >= 0) {
        selectors.add(expr.substring(start, i));
        start = -1;
      }
    }
    return selectors;
  }
}
