package io.agentmetrics.dashboards.promql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Grafana Prometheus variable query {@code label_values(selector, label)} (the selector is
 * optional).
 *
 * @param selector the series selector; empty for every series
 * @param label the label whose values the variable offers
 */
public record LabelValuesQuery(String selector, String label) {

  private static final Pattern SYNTAX =
      Pattern.compile("^\\s*label_values\\s*\\((?:(.*),)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$");

  /** Reads a {@code label_values(..)} query; empty for any other query. */
  public static Optional<LabelValuesQuery> parse(String query) {
    Matcher m = SYNTAX.matcher(query);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new LabelValuesQuery(m.group(1) == null ? "" : m.group(1).trim(), m.group(2)));
  }
}
