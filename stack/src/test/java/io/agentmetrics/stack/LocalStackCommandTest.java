package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** run-local's handling of the exporters' secrets, without starting anything. */
class LocalStackCommandTest {

  @TempDir Path dir;

  @Test
  void aSecretFileGivesItsFirstLineTrimmed() throws Exception {
    Path file = Files.writeString(dir.resolve("dsn"), "postgresql://u:p@h/db \nsecond line\n");

    assertThat(LocalStackCommand.secret(file, "AGENTMETRICS_UNSET_VARIABLE"))
        .contains("postgresql://u:p@h/db");
  }

  @Test
  void noFileAndNoVariableIsNoSecret() {
    assertThat(LocalStackCommand.secret(null, "AGENTMETRICS_UNSET_VARIABLE")).isEmpty();
  }

  @Test
  void anEmptyOrMissingSecretFileStopsRunLocalWithoutStartingAnything() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    Path missing = dir.resolve("missing");

    for (Path file : new Path[] {empty, missing}) {
      StringWriter err = new StringWriter();
      int exit =
          new CommandLine(new LocalStackCommand())
              .setErr(new PrintWriter(err))
              .execute("--stack-dir", dir.toString(), "--postgres-dsn-file", file.toString());

      assertThat(exit).as(err.toString()).isEqualTo(2);
      assertThat(err.toString())
          .startsWith("run-local: ")
          .contains(file.toString())
          .contains(file.equals(empty) ? "is empty" : "cannot read");
    }
  }
}
