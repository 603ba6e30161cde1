package io.agentmetrics.catalogue.promql;

import java.util.List;
import java.util.Optional;

/**
 * A vector selector of a query, e.g. {@code rate(agent_cost_usd_total{job=~"$job"}[5m])}.
 *
 * @param metric the metric name (from the name or a {@code __name__} matcher); empty if none
 * @param matchers the label matchers, in order
 * @param range the range text between brackets ({@code 5m}, {@code $__rate_interval}), or null
 * @param function the function whose argument list directly holds the selector, or null
 */
public record Selector(String metric, List<Matcher> matchers, String range, String function) {

  /** Copies the matchers. */
  public Selector {
    matchers = List.copyOf(matchers);
  }

  /** The first matcher on {@code label}. */
  public Optional<Matcher> matcher(String label) {
    return matchers.stream().filter(m -> m.label().equals(label)).findFirst();
  }

  /** Whether the selector has a range ({@code [..]}). */
  public boolean ranged() {
    return range != null;
  }
}
