package io.agentmetrics.api;

/** The kind of a metric, as Micrometer models it. */
public enum MetricType {
  /** A monotonically increasing count; exposed with a {@code _total} suffix. */
  COUNTER,
  /** A value that goes up and down. */
  GAUGE,
  /**
   * A latency histogram in seconds ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}).
   */
  TIMER,
  /** A histogram of non-time values, such as token counts or scores. */
  DISTRIBUTION_SUMMARY
}
