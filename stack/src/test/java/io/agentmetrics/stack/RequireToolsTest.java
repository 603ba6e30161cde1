package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * stack/require-tools, which the README's two commands run: silent when every tool is there; for a
 * missing one (with installing switched off) it names the Debian/Ubuntu and the Homebrew command.
 */
class RequireToolsTest {

  private record Run(int exitCode, String output) {}

  private static Run run(String... specs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(RepoFiles.resolve("stack/require-tools").toString());
    command.add("--for");
    command.add("the tests");
    command.addAll(List.of(specs));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AGENTMETRICS_NO_INSTALL", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  @Test
  void saysNothingWhenEveryToolIsInstalled() throws Exception {
    Run run = run("bash=bash=bash", "java=default-jdk=openjdk");

    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).isEmpty();
  }

  @Test
  void namesTheInstallCommandsOfAMissingTool() throws Exception {
    Run run =
        run(
            "bash=bash=bash",
            "no-such-tool-a=agentmetrics-pkg=agentmetrics-formula",
            "no-such-tool-b=agentmetrics-pkg=agentmetrics-formula");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output())
        .contains("the tests: no-such-tool-a no-such-tool-b not installed")
        .contains("'sudo apt-get install agentmetrics-pkg'")
        .contains("'brew install agentmetrics-formula'");
  }
}
