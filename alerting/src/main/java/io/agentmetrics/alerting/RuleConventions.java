package io.agentmetrics.alerting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conventions of the agentmetrics rules (monitoring-mixin style): recording rules named {@code
 * level:metric:operations}, alerts named {@code AgentMetrics...} in CamelCase with a severity, a
 * {@code for}, a static summary sentence, a templated description and a runbook link to an anchor
 * of docs/runbooks.md.
 */
public final class RuleConventions {

  /** The prefix every alert name shares. */
  public static final String ALERT_PREFIX = "AgentMetrics";

  /**
   * The base of every runbook URL of the rendered rules (runbookBaseUrl of
   * alerting/mixin/config.yaml, which RenderedRulesTest compares); an anchor of docs/runbooks.md
   * follows the {@code #}.
   */
  public static final String RUNBOOK_BASE = "http://localhost:8080/runbooks#";

  /** The alert that always fires; it needs no templated description. */
  public static final String WATCHDOG = ALERT_PREFIX + "Watchdog";

  /** The allowed severities. */
  public static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

  private static final Pattern ALERT_NAME = Pattern.compile("AgentMetrics(?:[A-Z][a-z0-9]+)+");
  private static final Pattern RECORD_NAME =
      Pattern.compile("[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*");
  private static final Pattern DURATION = Pattern.compile("(?:[0-9]+(?:ms|s|m|h|d|w|y))+");

  private RuleConventions() {}

  /**
   * Every breach of the conventions by {@code rules}, as readable messages; empty when all hold.
   *
   * @param rules the rules of all rule files
   * @param runbookAnchors the heading anchors of docs/runbooks.md
   */
  public static List<String> problems(List<Rule> rules, Set<String> runbookAnchors) {
    List<String> problems = new ArrayList<>();
    Map<String, String> groupFiles = new HashMap<>();
    for (Rule rule : rules) {
      String previous = groupFiles.putIfAbsent(rule.group(), rule.file().toString());
      if (previous != null && !previous.equals(rule.file().toString())) {
        problems.add(rule.where() + ": group " + rule.group() + " is also in " + previous);
      }
      if (rule.alert()) {
        checkAlert(rule, runbookAnchors, problems);
      } else {
        checkRecording(rule, problems);
      }
    }
    return problems;
  }

  private static void checkRecording(Rule rule, List<String> problems) {
    if (!RECORD_NAME.matcher(rule.name()).matches()) {
      problems.add(rule.where() + ": recording rule names are level:metric:operations");
    }
    if (!rule.group().endsWith(".rules")) {
      problems.add(rule.where() + ": recording rules belong in a group named *.rules");
    }
    if (!rule.annotations().isEmpty() || rule.forDuration() != null) {
      problems.add(rule.where() + ": a recording rule has no for and no annotations");
    }
  }

  private static void checkAlert(Rule rule, Set<String> anchors, List<String> problems) {
    String where = rule.where();
    if (!ALERT_NAME.matcher(rule.name()).matches()) {
      problems.add(where + ": alert names are CamelCase and start with " + ALERT_PREFIX);
    }
    if (!rule.group().endsWith(".alerts")) {
      problems.add(where + ": alerts belong in a group named *.alerts");
    }
    if (!SEVERITIES.contains(rule.severity())) {
      problems.add(where + ": severity must be one of " + SEVERITIES + ", is " + rule.severity());
    }
    if (rule.forDuration() == null || !DURATION.matcher(rule.forDuration()).matches()) {
      problems.add(where + ": needs a for duration, has " + rule.forDuration());
    }
    String summary = rule.annotations().getOrDefault("summary", "");
    if (summary.isBlank() || summary.contains("{{") || !summary.endsWith(".")) {
      problems.add(where + ": summary must be a static sentence ending in a period");
    } else if (!Character.isUpperCase(summary.charAt(0))) {
      problems.add(where + ": summary must start with a capital letter");
    }
    String description = rule.annotations().getOrDefault("description", "");
    boolean templated = description.contains("$value") || description.contains("$labels.");
    if (description.isBlank() || (!templated && !rule.name().equals(WATCHDOG))) {
      problems.add(where + ": description must be templated with $labels or $value");
    }
    String runbook = rule.annotations().getOrDefault("runbook_url", "");
    if (!runbook.startsWith(RUNBOOK_BASE)) {
      problems.add(where + ": runbook_url must start with " + RUNBOOK_BASE);
    } else {
      String anchor = runbook.substring(RUNBOOK_BASE.length());
      if (!anchors.contains(anchor)) {
        problems.add(where + ": runbook anchor #" + anchor + " is not a heading of runbooks.md");
      }
      if (!anchor.equals(RunbookAnchors.slug(rule.name()))) {
        problems.add(where + ": runbook anchor must be the section of the alert, #" + anchor);
      }
    }
  }
}
