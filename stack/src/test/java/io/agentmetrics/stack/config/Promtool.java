package io.agentmetrics.stack.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.NativeTool;
import java.nio.file.Path;
import java.util.List;

/** {@code promtool check config} for tests. */
final class Promtool {

  private Promtool() {}

  /** Asserts that promtool accepts {@code config} (and the rule files it loads); its output. */
  static String assertValidConfig(Path config) {
    Path promtool = NativeTool.require("promtool", "prometheus");
    NativeTool.Result result =
        NativeTool.run(List.of(promtool.toString(), "check", "config", config.toString()), null);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }
}
