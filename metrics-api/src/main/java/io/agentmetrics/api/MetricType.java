package io.agentmetrics.api;

/** The kind of a metric, as Micrometer models it. */
public enum MetricType {
  /** A monotonically increasing count; exposed with a {@code _total} suffix. */
  COUNTER,
  /**
   * A monotonically increasing count that an external exporter writes without the {@code _total}
   * suffix (postgres_exporter's {@code pg_stat_database_*}); agentmetrics never records one.
   */
  COUNTER_WITHOUT_TOTAL,
  /** A value that goes up and down. */
  GAUGE,
  /**
   * A latency histogram in seconds ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}).
   */
  TIMER,
  /** A histogram of non-time values, such as token counts or scores. */
  DISTRIBUTION_SUMMARY
}
