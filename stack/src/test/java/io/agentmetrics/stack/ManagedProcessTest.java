package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

  @Test
  void stopEndsTheProcessAndEveryDescendant(@TempDir Path dir) {
    ManagedProcess process =
        ManagedProcess.start(
            "tree",
            List.of("bash", "-c", "sleep 300 & sleep 300 & echo started; wait"),
            Map.of(),
            dir.resolve("logs/tree.log"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> process.handles().size() >= 3 && process.logTail(5).contains("started"));
    List<ProcessHandle> tree = process.handles();

    process.stop(Duration.ofSeconds(5));

    assertThat(tree).hasSizeGreaterThanOrEqualTo(3).noneMatch(ProcessHandle::isAlive);
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod(@TempDir Path dir) {
    ManagedProcess process =
        ManagedProcess.start(
            "stubborn",
            List.of("bash", "-c", "trap '' TERM; echo trapped; while true; do sleep 1; done"),
            Map.of(),
            dir.resolve("stubborn.log"));
    await().atMost(Duration.ofSeconds(10)).until(() -> process.logTail(1).contains("trapped"));
    List<ProcessHandle> tree = process.handles();

    process.stop(Duration.ofMillis(500));

    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void theLogHoldsTheProcessOutput(@TempDir Path dir) {
    ManagedProcess process =
        ManagedProcess.start(
            "echo",
            List.of("bash", "-c", "echo one; echo two >&2"),
            Map.of("UNUSED", "1"),
            dir.resolve("echo.log"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());

    assertThat(process.logTail(1)).isEqualTo("two");
    assertThat(process.logTail(10)).isEqualTo("one\ntwo");
    assertThat(process.toString()).startsWith("echo (pid ");
  }
}
