package io.agentmetrics.catalogue.promql;

import java.util.List;
import java.util.Set;

/**
 * Labels named by a clause of a query: {@code by}/{@code without} of an aggregation, or {@code
 * on}/{@code ignoring}/{@code group_left}/{@code group_right} of a binary operation.
 *
 * @param clause the keyword
 * @param labels the labels, in order
 * @param metrics the metrics the clause applies to: those inside the aggregation, or every metric
 *     of the query for vector matching
 */
public record Grouping(String clause, List<String> labels, Set<String> metrics) {

  /** Copies the lists. */
  public Grouping {
    labels = List.copyOf(labels);
    metrics = Set.copyOf(metrics);
  }

  /** Whether this is an aggregation's {@code by} or {@code without}. */
  public boolean aggregation() {
    return clause.equals("by") || clause.equals("without");
  }
}
