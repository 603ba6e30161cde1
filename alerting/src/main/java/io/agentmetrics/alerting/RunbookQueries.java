package io.agentmetrics.alerting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first query of each alert's section of {@code docs/runbooks.md}: the first line of the first
 * {@code promql} block under the heading {@code ## <AlertName>}. The rule renderer puts it into the
 * alert's {@code query} annotation, with the runbook's variables ({@code $job}, {@code $agent} ...)
 * turned into the alert's label values, so the page itself says what to look at.
 */
public final class RunbookQueries {

  private static final Pattern VARIABLE = Pattern.compile("\\$([a-z_]+)");

  /** Runbook variables whose label has another name. */
  private static final Map<String, String> LABELS =
      Map.of(
          "agent", "gen_ai_agent_name",
          "provider", "gen_ai_provider_name",
          "model", "gen_ai_request_model",
          "tool", "gen_ai_tool_name");

  private RunbookQueries() {}

  /** Alert name to the first query of its section, as written in the runbook. */
  public static Map<String, String> of(String markdown) {
    Map<String, String> first = new LinkedHashMap<>();
    all(markdown).forEach((alert, queries) -> first.put(alert, queries.get(0)));
    return first;
  }

  /** Alert name to every query of its section, in order (one a line of its promql blocks). */
  public static Map<String, java.util.List<String>> all(String markdown) {
    Map<String, java.util.List<String>> queries = new LinkedHashMap<>();
    String alert = null;
    boolean inPromql = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        alert = line.substring(3).strip();
      } else if (line.strip().equals("```promql")) {
        inPromql = true;
      } else if (line.strip().startsWith("```")) {
        inPromql = false;
      } else if (inPromql && alert != null && !line.isBlank()) {
        queries.computeIfAbsent(alert, a -> new java.util.ArrayList<>()).add(line.strip());
      }
    }
    return queries;
  }

  /** The label a runbook variable stands for: {@code agent} is {@code gen_ai_agent_name}. */
  public static String label(String variable) {
    return LABELS.getOrDefault(variable, variable);
  }

  /**
   * A runbook query as an annotation template: {@code $job} becomes {@code {{ $labels.job }}},
   * {@code $agent} {@code {{ $labels.gen_ai_agent_name }}}.
   */
  public static String asAnnotation(String query) {
    Matcher m = VARIABLE.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("{{ $labels." + label(m.group(1)) + " }}"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
