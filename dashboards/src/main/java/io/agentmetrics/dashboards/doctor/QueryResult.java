package io.agentmetrics.dashboards.doctor;

/**
 * The outcome of one Prometheus query.
 *
 * @param series how many series (or scalar results) came back
 * @param error Prometheus' error, or a transport error; null when the query succeeded
 */
public record QueryResult(int series, String error) {

  /** A successful query with {@code series} series. */
  public static QueryResult ok(int series) {
    return new QueryResult(series, null);
  }

  /** A failed query. */
  public static QueryResult failed(String error) {
    return new QueryResult(0, error);
  }

  /** Whether the query failed. */
  public boolean failed() {
    return error != null;
  }
}
