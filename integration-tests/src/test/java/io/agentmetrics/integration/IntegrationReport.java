package io.agentmetrics.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ran where: one row per check with its scenario, the backend it ran on (or why it was
 * skipped) and its result, written as Markdown to {@code integration-report.md}.
 */
public final class IntegrationReport {

  /** A check's result. */
  public enum Result {
    /** Ran and passed. */
    PASSED,
    /** Ran and failed. */
    FAILED,
    /** Did not run (the reason says why). */
    SKIPPED
  }

  /**
   * One row.
   *
   * @param scenario the scenario (the test class's display name)
   * @param check the check (the test method's display name)
   * @param backend the backend it ran on, or empty when it did not run
   * @param result its result
   * @param detail the failure or skip reason; empty when it passed
   */
  public record Row(String scenario, String check, String backend, Result result, String detail) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> facts = new LinkedHashMap<>();

  /** Adds a row. */
  public synchronized void add(Row row) {
    rows.add(row);
  }

  /** Adds a line to the report's header (backend choice, versions ...). */
  public synchronized void fact(String name, String value) {
    facts.put(name, value);
  }

  /** The rows so far. */
  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The report as Markdown. */
  public synchronized String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# agentmetrics integration report\n\n");
    out.append("Written ").append(Instant.now()).append(" by the integration-tests module.\n\n");
    facts.forEach(
        (name, value) -> out.append("- ").append(name).append(": ").append(value).append('\n'));
    out.append("\n| Scenario | Check | Backend | Result | Detail |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      String backend =
          row.result() == Result.SKIPPED
              ? "skipped"
              : row.backend().isEmpty() ? "-" : row.backend();
      out.append("| ")
          .append(cell(row.scenario()))
          .append(" | ")
          .append(cell(row.check()))
          .append(" | ")
          .append(backend)
          .append(" | ")
          .append(row.result().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(cell(row.detail()))
          .append(" |\n");
    }
    long passed = rows.stream().filter(r -> r.result() == Result.PASSED).count();
    long failed = rows.stream().filter(r -> r.result() == Result.FAILED).count();
    long skipped = rows.stream().filter(r -> r.result() == Result.SKIPPED).count();
    out.append(
        String.format(
            "%n%d checks: %d passed, %d failed, %d skipped (a skipped check did not run and proves"
                + " nothing).%n",
            rows.size(), passed, failed, skipped));
    return out.toString();
  }

  /** Writes the report to {@code directory/integration-report.md} and returns the file. */
  public Path write(Path directory) {
    try {
      Files.createDirectories(directory);
      return Files.writeString(
          directory.resolve("integration-report.md"), markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(String text) {
    String oneLine = text == null ? "" : text.replace('\n', ' ').replace("|", "\\|");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + " ..." : oneLine;
  }
}
