package io.agentmetrics.core;

import java.util.function.LongSupplier;

/**
 * The newest in-flight report of one source, agent and kind of work: its count, and when it came.
 * Read by two gauges, {@code agent_in_flight} and {@code agent_in_flight_report_timestamp_seconds};
 * past the expiry the count reads 0, so a source that stopped reporting (it crashed, or its newest
 * report went to a replica that restarted) no longer counts.
 */
final class InFlightReport {

  private final LongSupplier wallClockMillis;
  private final long expiryMillis;
  private long count; // guarded by this
  private long reportedAtMillis = Long.MIN_VALUE; // guarded by this

  InFlightReport(LongSupplier wallClockMillis, long expiryMillis) {
    this.wallClockMillis = wallClockMillis;
    this.expiryMillis = expiryMillis;
  }

  synchronized void report(long newCount) {
    count = newCount;
    reportedAtMillis = wallClockMillis.getAsLong();
  }

  /** The reported count, or 0 once the report has expired. */
  synchronized double count() {
    if (reportedAtMillis == Long.MIN_VALUE
        || wallClockMillis.getAsLong() - reportedAtMillis > expiryMillis) {
      return 0;
    }
    return count;
  }

  /** When the report came, in Unix seconds. */
  synchronized double reportedAtSeconds() {
    return reportedAtMillis == Long.MIN_VALUE ? 0 : reportedAtMillis / 1000.0;
  }
}
