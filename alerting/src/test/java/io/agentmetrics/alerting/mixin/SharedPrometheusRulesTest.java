package io.agentmetrics.alerting.mixin;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules rendered for a shared cluster Prometheus ignore other jobs' targets: promtool runs
 * {@code alerting/tests/kubernetes/shared-prometheus.test.yaml} against them, and the same test
 * fails against the rules of a dedicated Prometheus, so it tells the two apart.
 */
class SharedPrometheusRulesTest {

  private static final Path TEST =
      RenderedRulesTest.ROOT.resolve("alerting/tests/kubernetes/shared-prometheus.test.yaml");

  private static NativeTool.Result promtoolTest(Path dir, List<Path> configs) throws IOException {
    RuleTemplates.write(
        RenderedRulesTest.TEMPLATES,
        MixinConfig.load(configs),
        RenderedRulesTest.RUNBOOKS,
        dir.resolve("rules"));
    Path test = Files.createDirectories(dir.resolve("tests")).resolve(TEST.getFileName());
    Files.copy(TEST, test);
    Path promtool = NativeTool.require("promtool", "prometheus");
    return NativeTool.run(List.of(promtool.toString(), "test", "rules", test.toString()), null);
  }

  @Test
  void otherJobsFireNothingOfOursWithTheClusterSelector(@TempDir Path dir) throws IOException {
    NativeTool.Result result =
        promtoolTest(dir, List.of(RenderedRulesTest.CONFIG, RenderedRulesTest.KUBERNETES));

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void theDedicatedPrometheusRulesWouldFireForOtherJobs(@TempDir Path dir) throws IOException {
    NativeTool.Result result = promtoolTest(dir, List.of(RenderedRulesTest.CONFIG));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .contains("job=\"kube-state-metrics\"", "job=\"cadvisor\"", "job=\"billing\"");
  }
}
