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
  void theRepositoryRootIsRequired() {
    assertThatThrownBy(() -> LocalStack.builder().build()).hasMessageContaining("repoRoot");
  }

  @Test
  void aMissingServerJarIsNamedWithTheCommandThatBuildsIt(@TempDir Path dir) {
    LocalStack stack =
        LocalStack.builder()
            .repoRoot(RepoFiles.root())
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
        LocalStack.builder().repoRoot(RepoFiles.root()).composeFile(compose).workDir(dir).build();

    assertThatThrownBy(stack::start)
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("/etc/alertmanager/alertmanager.yml is not mounted");
    assertThat(stack.startedProcessHandles()).isEmpty();
  }

  @Test
  void aStackThatWasNotStartedHasNoEndpoints() {
    LocalStack stack = LocalStack.builder().repoRoot(RepoFiles.root()).build();

    assertThatThrownBy(stack::endpoints).hasMessageContaining("not started");
    stack.stop(); // harmless
  }
}
