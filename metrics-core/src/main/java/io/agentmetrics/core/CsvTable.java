package io.agentmetrics.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small CSV files of configuration (prices, budgets): a required header, then rows of a fixed
 * number of comma-separated cells; blank lines and lines starting with {@code #} are skipped. No
 * quoting: no cell of these files needs a comma. Every error names the file and line.
 */
final class CsvTable {

  /** One data row: where it is, for messages, and its cells (not stripped). */
  record Row(String where, String[] cells) {

    /** A number cell: finite and at least 0. */
    double nonNegative(int cell, String column) {
      String text = cells[cell].strip();
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where + "the " + column + " '" + text + "' is not a number", e);
      }
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            where + "the " + column + " must be a finite number >= 0, was " + text);
      }
      return value;
    }
  }

  private CsvTable() {}

  /** The lines of a file, or an error naming it. */
  static List<String> readLines(String what, Path csv) {
    try {
      return Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read " + what + " " + csv + ": " + e, e);
    }
  }

  /** The data rows of {@code lines}, after the header {@code header} (spaces ignored). */
  static List<Row> rows(String what, String source, List<String> lines, String header) {
    int columns = header.split(",", -1).length;
    List<Row> rows = new ArrayList<>();
    boolean headerSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = what + " " + source + " line " + (i + 1) + ": ";
      if (!headerSeen) {
        if (!line.replace(" ", "").equals(header)) {
          throw new IllegalArgumentException(where + "expected the header '" + header + "'");
        }
        headerSeen = true;
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != columns) {
        throw new IllegalArgumentException(
            where + "expected " + columns + " comma-separated columns, found " + cells.length);
      }
      rows.add(new Row(where, cells));
    }
    if (!headerSeen) {
      throw new IllegalArgumentException(
          what + " " + source + ": empty, expected the header '" + header + "'");
    }
    return rows;
  }
}
