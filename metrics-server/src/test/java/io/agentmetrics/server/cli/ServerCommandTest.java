package io.agentmetrics.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Configuration mistakes end with one line on stderr and exit code 2, never a stack trace. */
class ServerCommandTest {

  private record Run(int exitCode, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = ServerCommand.commandLine(new ServerCommand(env));
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    int code = cli.execute(args);
    return new Run(code, err.toString());
  }

  @Test
  void aTakenGrpcPortEndsWithOneLineNamingTheOption() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run run = run(Map.of(), "--port", "0", "--grpc-port", Integer.toString(taken.getLocalPort()));
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains("cannot bind the OTLP/gRPC port", "--grpc-port chooses another")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void basicAuthNeedsUserAndPassword() {
    Run run = run(Map.of(), "--port", "0", "--metrics-user", "prom");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("needs both a user and a password").doesNotContain("\tat ");
  }

  @Test
  void aTokenAndBasicAuthAreExclusive() {
    Run run =
        run(
            Map.of("AGENTMETRICS_INGEST_TOKEN", "t0k3n", "AGENTMETRICS_INGEST_PASSWORD", "pw"),
            "--port",
            "0",
            "--ingest-user",
            "agent");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("either a token or a user and password")
        .doesNotContain("t0k3n", "pw\n");
  }

  @Test
  void aSecretFromTheEnvironmentAndAFileIsAmbiguous(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "from-file\n");
    Run run =
        run(
            Map.of("AGENTMETRICS_METRICS_TOKEN", "from-env"),
            "--port",
            "0",
            "--metrics-token-file",
            token.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("AGENTMETRICS_METRICS_TOKEN")
        .doesNotContain("from-env", "from-file");
  }

  @Test
  void secretsAreReadFromFilesWithoutTheirNewline(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "s3cret\n");
    assertThat(new Secrets(Map.of()).read("X", token)).isEqualTo("s3cret");
    assertThat(new Secrets(Map.of("X", "env-secret")).read("X", null)).isEqualTo("env-secret");
    assertThat(new Secrets(Map.of()).read("X", null)).isNull();
  }

  @Test
  void tlsNeedsAKeystorePassword(@TempDir Path dir) {
    Run run = run(Map.of(), "--port", "0", "--tls-keystore", dir.resolve("none.p12").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("AGENTMETRICS_TLS_KEYSTORE_PASSWORD");
  }

  @Test
  void unknownOptionsAndBadValuesAreUsageErrors() {
    assertThat(run(Map.of(), "--no-such-option").exitCode()).isEqualTo(2);
    Run badFormat = run(Map.of(), "--log-format", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("text, json");
  }

  @Test
  void anEmptyOrBlankSecretVariableIsRefusedNotReadAsNoAuth() {
    for (String name :
        List.of(
            "AGENTMETRICS_INGEST_TOKEN",
            "AGENTMETRICS_METRICS_TOKEN",
            "AGENTMETRICS_INGEST_PASSWORD",
            "AGENTMETRICS_METRICS_PASSWORD_FILE",
            "AGENTMETRICS_INGEST_USER",
            "AGENTMETRICS_TLS_KEYSTORE_PASSWORD")) {
      for (String value : List.of("", " ", "\t\n")) {
        Run run = run(Map.of(name, value), "--port", "0");
        assertThat(run.exitCode()).as(name + "=" + value).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(name + " is set but empty");
      }
    }
  }

  @Test
  void anEmptySecretFileIsRefused(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("token"), "\n");
    Run run = run(Map.of(), "--port", "0", "--ingest-token-file", empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is empty");
  }

  @Test
  void everyNumericOptionIsRangeCheckedInOneLine() {
    Map<String, String> outOfRange =
        Map.of(
            "--max-body-bytes", "9223372036854775807",
            "--shutdown-timeout", "-1",
            "--port", "65536",
            "--series-cap", "0",
            "--body-timeout", "0",
            "--in-flight-expiry", "0");
    outOfRange.forEach(
        (option, value) -> {
          Run run = run(Map.of(), option, value);
          assertThat(run.exitCode()).as(option).isEqualTo(2);
          assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
          assertThat(run.err()).contains(option + " must be between").contains("was " + value);
        });
    Run notANumber = run(Map.of(), "--port", "99999999999");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err().strip().lines()).as(notANumber.err()).hasSize(1);
    assertThat(notANumber.err()).contains("--port");
  }

  @Test
  void aMalformedBudgetsFileStopsTheStartWithItsLineNamed(@TempDir Path dir) throws Exception {
    Path budgets =
        Files.writeString(dir.resolve("budgets.csv"), "period,team,limit_usd\nweekly,,5\n");

    Run run = run(Map.of(), "--port", "0", "--budgets-file", budgets.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).contains("line 2: the period 'weekly' is not daily or monthly");
  }

  @Test
  void aMetricsPathThatClashesIsNamed() {
    for (String path : List.of("/healthz", "/readyz", "/api/v1/events")) {
      Run run = run(Map.of(), "--port", "0", "--metrics-path", path);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("clashes with the server's own endpoint " + path);
    }
    Run noSlash = run(Map.of(), "--port", "0", "--metrics-path", "metrics");
    assertThat(noSlash.exitCode()).isEqualTo(2);
    assertThat(noSlash.err()).contains("must start with /");
  }
}
