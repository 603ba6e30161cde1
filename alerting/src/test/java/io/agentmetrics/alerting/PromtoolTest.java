package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** promtool validates every rule file and runs every rule test file. */
class PromtoolTest {

  static Stream<Path> ruleFiles() {
    return RuleFiles.in(AlertingFiles.rulesDir()).stream();
  }

  static Stream<Path> testFiles() {
    return RuleFiles.in(AlertingFiles.testsDir()).stream();
  }

  private static NativeTool.Result promtool(String... args) {
    Path promtool = NativeTool.require("promtool", "prometheus");
    List<String> command = Stream.concat(Stream.of(promtool.toString()), Stream.of(args)).toList();
    return NativeTool.run(command, null);
  }

  private static void assertSucceeds(String... args) {
    NativeTool.Result result = promtool(args);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @ParameterizedTest
  @MethodSource("ruleFiles")
  void checkRules(Path ruleFile) {
    assertSucceeds("check", "rules", ruleFile.toString());
  }

  @ParameterizedTest
  @MethodSource("testFiles")
  void testRules(Path testFile) {
    assertSucceeds("test", "rules", testFile.toString());
  }

  @Test
  void everyRuleFileHasATestFile() {
    assertThat(testFiles().map(f -> f.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(
            ruleFiles()
                .map(f -> f.getFileName().toString().replace(".yaml", ".test.yaml"))
                .toList());
  }

  /**
   * Without group_eval_order promtool evaluates groups in random order, and an alert may read a
   * recording rule's value of the previous step: tests would be flaky.
   */
  @ParameterizedTest
  @MethodSource("testFiles")
  void recordingGroupsAreEvaluatedBeforeAlertGroups(Path testFile) {
    JsonNode test = RuleFiles.readYaml(testFile);
    List<String> order = new ArrayList<>();
    test.path("group_eval_order").forEach(g -> order.add(g.asText()));
    List<String> groups = new ArrayList<>();
    for (JsonNode ruleFile : test.path("rule_files")) {
      Path file = testFile.getParent().resolve(ruleFile.asText());
      RuleFiles.read(file).stream().map(Rule::group).distinct().forEach(groups::add);
    }

    assertThat(order).containsExactlyInAnyOrderElementsOf(groups);
    for (String group : groups) {
      if (group.endsWith(".alerts")) {
        String recording = group.replace(".alerts", ".rules");
        assertThat(order.indexOf(group)).isGreaterThan(order.indexOf(recording));
      }
    }
  }

  /** The SLO tests notice a changed objective: they test the thresholds, not just the syntax. */
  @Test
  void sloTestsFailWhenTheObjectiveChanges(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("tests"));
    String slo = Files.readString(AlertingFiles.rulesDir().resolve("slo.yaml"));
    assertThat(slo).contains("vector(0.99)");
    Files.writeString(dir.resolve("rules/slo.yaml"), slo.replace("vector(0.99)", "vector(0.999)"));
    Files.copy(
        AlertingFiles.testsDir().resolve("slo.test.yaml"), dir.resolve("tests/slo.test.yaml"));

    NativeTool.Result result =
        promtool("test", "rules", dir.resolve("tests/slo.test.yaml").toString());

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("AgentMetricsAgentRunErrorBudgetBurn", "FAILED");
  }
}
