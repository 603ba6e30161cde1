package io.agentmetrics.dashboards.promql;

import io.agentmetrics.catalogue.promql.Grouping;
import io.agentmetrics.catalogue.promql.PromQlReader;
import io.agentmetrics.catalogue.promql.QueryFacts;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Reads a Grafana Prometheus variable query: {@code label_values(selector, label)} or plain
   * PromQL. The label of {@code label_values} is reported as a {@code by} grouping.
   *
   * @throws io.agentmetrics.catalogue.promql.PromQlException when the query cannot be read
   */
  public static QueryFacts readVariableQuery(String query) {
    Optional<LabelValuesQuery> labelValues = parse(query);
    if (labelValues.isEmpty()) {
      return PromQlReader.read(query);
    }
    String selector = labelValues.get().selector();
    QueryFacts facts =
        selector.isBlank()
            ? new QueryFacts(List.of(), List.of(), List.of())
            : PromQlReader.read(selector);
    List<Grouping> groupings = new ArrayList<>(facts.groupings());
    groupings.add(new Grouping("by", List.of(labelValues.get().label()), facts.metrics()));
    return new QueryFacts(facts.selectors(), groupings, List.of("label_values"));
  }
}
