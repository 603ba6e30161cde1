package io.agentmetrics.catalogue.promql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a PromQL query references: its selectors, its grouping clauses and its function calls.
 *
 * @param selectors every vector selector, in order
 * @param groupings every label clause, in order
 * @param functions the names of called functions and aggregations, in order
 */
public record QueryFacts(
    List<Selector> selectors, List<Grouping> groupings, List<String> functions) {

  /** Copies the lists. */
  public QueryFacts {
    selectors = List.copyOf(selectors);
    groupings = List.copyOf(groupings);
    functions = List.copyOf(functions);
  }

  /** The distinct metric names the query selects. */
  public Set<String> metrics() {
    Set<String> metrics = new LinkedHashSet<>();
    selectors.forEach(s -> metrics.add(s.metric()));
    metrics.remove("");
    return metrics;
  }
}
