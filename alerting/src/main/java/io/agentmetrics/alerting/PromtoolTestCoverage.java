package io.agentmetrics.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads promtool rule test files and finds the alerts they leave untested: every alerting rule
 * needs a test case in which it fires, with its name, its static labels and every one of its
 * annotations, and one in which it does not fire (an empty {@code exp_alerts}). Every rule file
 * must be loaded by a test file.
 */
public final class PromtoolTestCoverage {

  /**
   * One {@code alert_rule_test} case.
   *
   * @param testFile the test file
   * @param ruleFiles the rule files the test file loads, resolved against its directory
   * @param alertname the alert under test
   * @param evalTime the evaluation time as written
   * @param expected the alerts expected to fire; empty when none may fire
   */
  public record Case(
      Path testFile,
      List<Path> ruleFiles,
      String alertname,
      String evalTime,
      List<ExpectedAlert> expected) {}

  /**
   * An alert expected to fire.
   *
   * @param labels its expected labels (besides {@code alertname})
   * @param annotations its expected annotations
   */
  public record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {}

  private PromtoolTestCoverage() {}

  /** The alert test cases of the test files. */
  public static List<Case> read(List<Path> testFiles) {
    List<Case> cases = new ArrayList<>();
    for (Path file : testFiles) {
      JsonNode root = RuleFiles.readYaml(file);
      List<Path> ruleFiles = new ArrayList<>();
      for (JsonNode ruleFile : root.path("rule_files")) {
        ruleFiles.add(file.toAbsolutePath().getParent().resolve(ruleFile.asText()).normalize());
      }
      for (JsonNode test : root.path("tests")) {
        for (JsonNode alertTest : test.path("alert_rule_test")) {
          List<ExpectedAlert> expected = new ArrayList<>();
          for (JsonNode alert : alertTest.path("exp_alerts")) {
            expected.add(
                new ExpectedAlert(
                    RuleFiles.strings(alert.path("exp_labels")),
                    RuleFiles.strings(alert.path("exp_annotations"))));
          }
          cases.add(
              new Case(
                  file,
                  List.copyOf(ruleFiles),
                  alertTest.path("alertname").asText(),
                  alertTest.path("eval_time").asText(),
                  List.copyOf(expected)));
        }
      }
    }
    return cases;
  }

  /**
   * What the cases leave untested, as readable messages; empty when every alert is covered.
   *
   * @param rules the rules of all rule files
   * @param cases the test cases of all test files
   * @param alwaysFiring alerts that fire at all times, exempt from the non-firing case
   */
  public static List<String> gaps(List<Rule> rules, List<Case> cases, Set<String> alwaysFiring) {
    List<String> gaps = new ArrayList<>();
    Set<Path> testedFiles = new HashSet<>();
    cases.forEach(c -> c.ruleFiles().forEach(f -> testedFiles.add(f.toAbsolutePath().normalize())));
    for (Rule rule : rules) {
      Path file = rule.file().toAbsolutePath().normalize();
      if (!testedFiles.contains(file)) {
        gaps.add(rule.where() + ": no test file loads " + rule.file().getFileName());
      }
      if (!rule.alert()) {
        continue;
      }
      List<Case> own = cases.stream().filter(c -> c.alertname().equals(rule.name())).toList();
      boolean fires =
          own.stream().anyMatch(c -> c.expected().stream().anyMatch(e -> fully(rule, e)));
      boolean silent = own.stream().anyMatch(c -> c.expected().isEmpty());
      if (!fires) {
        gaps.add(
            rule.where()
                + " "
                + rule.labels()
                + ": no test case in which it fires with these labels and all its annotations");
      }
      if (!silent && !alwaysFiring.contains(rule.name())) {
        gaps.add(rule.where() + ": no test case in which it does not fire (empty exp_alerts)");
      }
    }
    return gaps;
  }

  private static boolean fully(Rule rule, ExpectedAlert alert) {
    return alert.labels().entrySet().containsAll(rule.labels().entrySet())
        && alert.annotations().keySet().equals(rule.annotations().keySet());
  }
}
