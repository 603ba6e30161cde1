package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link LocalStack} refuses before it starts anything. */
class LocalStackTest {

  @Test
  void theStackDirectoryAndTheServerAreRequired() {
    assertThatThrownBy(() -> LocalStack.builder().build())
        .hasMessageContaining("stack directory is required");
    assertThatThrownBy(
            () -> LocalStack.builder().stackDirectory(RepoFiles.stackDirectory()).build())
        .hasMessageContaining("server jar (or a server command) is required");
  }

  @Test
  void aMissingServerJarIsNamedWithTheCommandThatBuildsIt(@TempDir Path dir) {
    LocalStack stack =
        LocalStack.builder()
            .stackDirectory(RepoFiles.stackDirectory())
            .workDir(dir)
            .serverJar(dir.resolve("missing.jar"))
            .build();

    assertThatThrownBy(stack::start)
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("missing.jar")
        .hasMessageContaining("-pl metrics-server -am");
    assertThat(stack.startedProcessHandles()).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aComposeFileWithoutTheConfigMountsIsRefused(@TempDir Path dir) throws Exception {
    Path compose = Files.writeString(dir.resolve("compose.yaml"), "services:\n  prometheus: {}\n");
    LocalStack stack =
        LocalStack.builder()
            .stackDirectory(RepoFiles.stackDirectory())
            .serverJar(RepoFiles.serverJar())
            .composeFile(compose)
            .workDir(dir)
            .build();

    assertThatThrownBy(stack::start)
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("/etc/alertmanager/notifying/alertmanager.yml is not mounted");
    assertThat(stack.startedProcessHandles()).isEmpty();
  }

  @Test
  void aStackThatWasNotStartedHasNoEndpoints() {
    LocalStack stack =
        LocalStack.builder()
            .stackDirectory(RepoFiles.stackDirectory())
            .serverJar(RepoFiles.serverJar())
            .build();

    assertThatThrownBy(stack::endpoints).hasMessageContaining("not started");
    stack.stop(); // harmless
  }

  @Test
  void aMissingExporterIsNamedBeforeAnythingStartsAndTheConnectionStringIsNot(@TempDir Path dir) {
    String dsn = "postgresql://exporter:do-not-print-me@127.0.0.1:5432/postgres";
    LocalStack stack =
        LocalStack.builder()
            .stackDirectory(RepoFiles.stackDirectory())
            .serverJar(RepoFiles.serverJar())
            .workDir(dir)
            .postgresDsn(dsn)
            .postgresExporterBinary(dir.resolve("prometheus-postgres-exporter").toString())
            .build();

    assertThatThrownBy(stack::start)
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("--postgres-dsn-file needs")
        .hasMessageContaining("apt-get install")
        .hasMessageNotContaining("do-not-print-me");
    assertThat(stack.startedProcessHandles()).isEmpty();
  }

  @Test
  void aRedisAddressWithoutSchemeGetsOneSoThePasswordFileMatchesIt() {
    LocalStack.Builder builder =
        LocalStack.builder()
            .stackDirectory(RepoFiles.stackDirectory())
            .serverJar(RepoFiles.serverJar());

    assertThat(new LocalStackOptions(builder.redisAddress(" cache:6379 ")).redisAddress())
        .contains("redis://cache:6379");
    assertThat(new LocalStackOptions(builder.redisAddress("rediss://cache:6380")).redisAddress())
        .contains("rediss://cache:6380");
    assertThat(new LocalStackOptions(builder.redisAddress(" ")).redisAddress()).isEmpty();
  }
}
