package io.agentmetrics.dashboards.interpolate;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces dashboard variables in a Prometheus query the way Grafana does: {@code $var}, {@code
 * ${var}}, {@code ${var:format}} and the deprecated {@code [[var]]}. Without a format, values are
 * escaped as Grafana's Prometheus data source does: a single-value variable is escaped for a string
 * literal; a multi-value or include-all variable is regex-escaped and several values are joined as
 * {@code (a|b)}. "All" with a custom all value uses that value verbatim. Variables that are not
 * defined (built-ins such as {@code $__rate_interval}) are left as they are.
 */
public final class TemplateInterpolator {

  /** Grafana's variable syntax (templateSrv's regex). */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

  private static final Pattern PROMETHEUS_REGEX_META = Pattern.compile("[$^*{}\\[\\]+?.()|]");

  private TemplateInterpolator() {}

  /** Replaces every defined variable of {@code variables} in {@code expr}. */
  public static String interpolate(String expr, Map<String, VariableValue> variables) {
    Matcher m = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = first(m.group(1), m.group(2), m.group(4));
      String format = first(m.group(3), m.group(6));
      VariableValue value = variables.get(name);
      String replacement = value == null ? m.group() : format(name, value, format);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String format(String name, VariableValue value, String format) {
    if (format != null) {
      return GrafanaFormats.format(name, value, format);
    }
    if (value.usesCustomAllValue()) {
      return value.allValue();
    }
    return prometheusFormat(value);
  }

  /** Grafana's Prometheus data source formatting ({@code interpolateQueryExpr}). */
  private static String prometheusFormat(VariableValue value) {
    if (!value.multi() && !value.includeAll()) {
      return value.values().stream()
          .map(TemplateInterpolator::prometheusRegularEscape)
          .collect(joining(","));
    }
    return joinRegex(
        value.values().stream().map(TemplateInterpolator::prometheusSpecialRegexEscape).toList());
  }

  private static String joinRegex(List<String> escaped) {
    return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
  }

  /** Escapes backslashes and single quotes, as Grafana's {@code prometheusRegularEscape}. */
  static String prometheusRegularEscape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\\\'");
  }

  /**
   * Escapes regex metacharacters with a double backslash (the regex sits in a PromQL string), as
   * Grafana's {@code prometheusSpecialRegexEscape}.
   */
  static String prometheusSpecialRegexEscape(String value) {
    String backslashes = value.replace("\\", "\\\\\\\\");
    // The replacement is quoted: a '$' among the values must come out as "\\$", not be read as
    // a group reference (which threw IllegalArgumentException for a value holding '$').
    return PROMETHEUS_REGEX_META
        .matcher(backslashes)
        .replaceAll(r -> Matcher.quoteReplacement("\\\\" + r.group()));
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining(CharSequence sep) {
    return Collectors.joining(sep);
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null) {
        return c;
      }
    }
    return null;
  }
}
