package io.agentmetrics.dashboards.doctor;

/**
 * The doctor's verdict on one panel target (or one variable query).
 *
 * @param dashboard the dashboard's title
 * @param panel the panel's title, or {@code $name} for a variable
 * @param refId the target's refId; empty for a variable
 * @param query the query as sent to Prometheus
 * @param series how many series came back (values for a variable)
 * @param status OK, NO_DATA, ERROR or SKIPPED
 * @param message Prometheus' error, why the target was skipped, or empty
 */
public record TargetCheck(
    String dashboard,
    String panel,
    String refId,
    String query,
    int series,
    Status status,
    String message) {

  /** The verdict. */
  public enum Status {
    /** At least one series with numbers came back. */
    OK,
    /** The query returned nothing (or only NaN): the panel would say "No data" (or "NaN"). */
    NO_DATA,
    /** The query failed. */
    ERROR,
    /**
     * Not run: the target is not a Prometheus query (e.g. a Loki log query). Not a failure, but
     * shown, so that nobody takes it for checked.
     */
    SKIPPED;

    /** Whether this verdict means the panel would show no data or an error. */
    public boolean failing() {
      return this == NO_DATA || this == ERROR;
    }
  }

  /** A target that was not run because its data source is not Prometheus. */
  public static TargetCheck skipped(
      String dashboard, String panel, String refId, String query, String datasourceType) {
    return new TargetCheck(
        dashboard,
        panel,
        refId,
        query,
        0,
        Status.SKIPPED,
        datasourceType + " target: not checked against Prometheus");
  }

  /** A verdict from a query result. */
  public static TargetCheck of(
      String dashboard, String panel, String refId, String query, QueryResult result) {
    Status status =
        result.failed() ? Status.ERROR : result.valued() == 0 ? Status.NO_DATA : Status.OK;
    String message =
        result.failed()
            ? result.error()
            : result.series() > 0 && result.valued() == 0 ? "every value is NaN" : "";
    return new TargetCheck(dashboard, panel, refId, query, result.series(), status, message);
  }
}
