package io.agentmetrics.dashboards.doctor;

/**
 * The outcome of one Prometheus query.
 *
 * @param series how many series (or scalar results) came back
 * @param valued how many of them have at least one value that is a number (not NaN)
 * @param error Prometheus' error, or a transport error; null when the query succeeded
 */
public record QueryResult(int series, int valued, String error) {

  /** A successful query with {@code series} series, all with numbers. */
  public static QueryResult ok(int series) {
    return new QueryResult(series, series, null);
  }

  /** A successful query with {@code series} series, of which {@code valued} have numbers. */
  public static QueryResult ok(int series, int valued) {
    return new QueryResult(series, valued, null);
  }

  /** A failed query. */
  public static QueryResult failed(String error) {
    return new QueryResult(0, 0, error);
  }

  /** Whether the query failed. */
  public boolean failed() {
    return error != null;
  }
}
