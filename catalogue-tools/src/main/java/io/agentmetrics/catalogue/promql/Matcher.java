package io.agentmetrics.catalogue.promql;

/**
 * A label matcher of a selector, e.g. {@code job=~"$job"}.
 *
 * @param label the label name
 * @param operator {@code =}, {@code !=}, {@code =~} or {@code !~}
 * @param value the value as written (Grafana variables not yet replaced)
 */
public record Matcher(String label, String operator, String value) {

  @Override
  public String toString() {
    return label + operator + '"' + value + '"';
  }
}
