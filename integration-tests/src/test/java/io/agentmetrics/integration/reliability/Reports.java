package io.agentmetrics.integration.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reliability tests print and keep what they measured: standard output and a Markdown
 * file in {@code integration-tests/target/} (the {@code agentmetrics.it.reportDir} property).
 */
final class Reports {

  private Reports() {}

  /** Whether {@code -Dagentmetrics.reliability.long=true} asked for the long versions. */
  static boolean longRun() {
    return Boolean.getBoolean("agentmetrics.reliability.long");
  }

  /** Prints {@code markdown} and writes it to {@code target/<file>}. */
  static void write(String file, String markdown) throws IOException {
    System.out.println(markdown);
    Path dir = Path.of(System.getProperty("agentmetrics.it.reportDir", "target"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(file), markdown, StandardCharsets.UTF_8);
  }

  /** Used heap in bytes after full collections, settled (three collections in a row). */
  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}
