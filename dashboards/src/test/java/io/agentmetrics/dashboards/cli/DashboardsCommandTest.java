package io.agentmetrics.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.dashboards.Dashboards;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardsCommandTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
    try {
      int code = DashboardsCommand.execute(args);
      return new Run(
          code,
          outBuffer.toString(StandardCharsets.UTF_8),
          errBuffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void listsTheBundledDashboards() {
    Run run = run("list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("cost.json", "agentmetrics-cost", "agentmetrics / Cost");
    assertThat(run.out().lines()).hasSize(Dashboards.FILE_NAMES.size());
  }

  @Test
  void lintPassesOnTheBundledDashboardsAndFailsOnABrokenOne(@TempDir Path dir) throws IOException {
    assertThat(run("lint").exitCode()).isZero();

    Path broken = dir.resolve("broken.json");
    Files.writeString(
        broken,
        "{\"uid\":\"x\",\"title\":\"Broken\",\"editable\":true,\"panels\":[],"
            + "\"templating\":{\"list\":[]}}");
    Run run = run("lint", broken.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("[template-datasource-rule] Broken: does not have a templated data source")
        .contains("[uneditable-dashboard-rule]");
  }

  @Test
  void badInputGetsOneClearLineAndExitCodeTwo() throws IOException {
    Run badTime = run("doctor", "--prometheus", "http://127.0.0.1:9", "--from", "yesterday");
    assertThat(badTime.exitCode()).isEqualTo(2);
    assertThat(badTime.err()).startsWith("error: invalid time 'yesterday'").doesNotContain("\tat ");

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run unreachable = run("doctor", "--prometheus", "http://127.0.0.1:" + closedPort);
    assertThat(unreachable.exitCode()).isEqualTo(2);
    assertThat(unreachable.err())
        .startsWith("error: cannot query Prometheus at http://127.0.0.1:" + closedPort);
  }
}
