package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the fleet situations of {@code alerting/tests/situations.yaml} through every rule file
 * together with promtool: noise pages nobody, every incident pages (or tickets) in time.
 */
class FleetSituationsTest {

  static Stream<FleetSituations.Situation> situations() throws IOException {
    Path out = Files.createTempDirectory("situations");
    return FleetSituations.write(
        AlertingFiles.testsDir().resolve("situations/situations.yaml"),
        AlertingFiles.rulesDir(),
        out)
        .stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("situations")
  void onCallGetsWhatTheSituationCallsFor(FleetSituations.Situation situation) {
    NativeTool.Result result = PromtoolTestFiles.run(situation.testFile());

    assertThat(result.exitCode()).as(situation + "\n" + result.output()).isZero();
  }
}
