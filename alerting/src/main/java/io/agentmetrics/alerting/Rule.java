package io.agentmetrics.alerting;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a Prometheus rule file: a recording rule ({@code record}) or an alerting rule ({@code
 * alert}).
 *
 * @param file the rule file it comes from
 * @param group the name of its rule group
 * @param name the recorded series name or the alert name
 * @param alert true for an alerting rule, false for a recording rule
 * @param expr the PromQL expression
 * @param forDuration the {@code for} of an alert as written, or {@code null} when absent
 * @param labels the static labels the rule adds
 * @param annotations the annotations of an alert (empty for recording rules)
 */
public record Rule(
    Path file,
    String group,
    String name,
    boolean alert,
    String expr,
    String forDuration,
    Map<String, String> labels,
    Map<String, String> annotations) {

  /** Validates and copies the rule. */
  public Rule {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expr, "expr");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** The {@code severity} label, or {@code null}. */
  public String severity() {
    return labels.get("severity");
  }

  /** Where the rule is, for messages: {@code file: name}. */
  public String where() {
    return file.getFileName() + ": " + name;
  }
}
