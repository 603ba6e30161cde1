package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The recording-rule series the dashboards declare they read ({@code recorded-series.txt} of the
 * dashboards module) are recording rules of alerting/rules that keep the labels declared there.
 */
class DashboardRecordedSeriesTest {

  private static final Path DECLARED =
      AlertingFiles.repoRoot()
          .resolve("dashboards/src/main/resources/io/agentmetrics/dashboards/recorded-series.txt");

  @Test
  void everyDeclaredSeriesIsARecordingRuleWithItsLabels() throws IOException {
    Map<String, List<Rule>> recorded =
        RuleFiles.load(AlertingFiles.rulesDir()).stream()
            .filter(r -> !r.alert())
            .collect(Collectors.groupingBy(Rule::name));
    // The grouping labels the Kubernetes overlay adds beside the job (cluster, namespace).
    List<String> clusterLabels =
        List.of(
            io.agentmetrics.alerting.mixin.MixinConfig.load(
                    List.of(
                        AlertingFiles.repoRoot().resolve("alerting/mixin/config.yaml"),
                        AlertingFiles.repoRoot().resolve("alerting/mixin/kubernetes.yaml")))
                .global("groupLabels")
                .orElseThrow()
                .split(",\\s*"));
    assertThat(clusterLabels).contains("namespace", "cluster");
    List<String> problems = new ArrayList<>();
    int declared = 0;
    for (String line : Files.readAllLines(DECLARED)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      declared++;
      String[] words = trimmed.split("\\s+");
      if (words[0].equals("ALERTS")) {
        continue; // Prometheus' own series of alert states
      }
      List<Rule> rules = recorded.get(words[0]);
      if (rules == null) {
        problems.add(words[0] + " is not a recording rule of alerting/rules");
        continue;
      }
      for (int i = 1; i < words.length; i++) {
        String label = words[i];
        if (clusterLabels.contains(label) && List.of(words).contains("job")) {
          continue; // kept beside the job where the rules are rendered for a cluster
        }
        boolean kept =
            rules.stream()
                .allMatch(
                    r ->
                        r.labels().containsKey(label)
                            || r.expr().matches("(?s).*\\bby \\([^)]*\\b" + label + "\\b.*"));
        if (!kept) {
          problems.add(words[0] + " does not keep the label " + label);
        }
      }
    }
    assertThat(declared).isGreaterThan(5);
    assertThat(problems).isEmpty();
  }
}
