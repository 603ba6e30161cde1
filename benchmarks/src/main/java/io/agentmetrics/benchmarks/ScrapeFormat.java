package io.agentmetrics.benchmarks;

/**
 * The exposition formats a scrape is benchmarked in, with the {@code Accept} header asking each.
 */
public enum ScrapeFormat {
  /** Prometheus text 0.0.4. */
  TEXT("text/plain; version=0.0.4; charset=utf-8"),
  /** OpenMetrics 1.0.0. */
  OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8"),
  /** Prometheus protobuf, length-delimited MetricFamily messages. */
  PROTOBUF(
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited");

  private final String accept;

  ScrapeFormat(String accept) {
    this.accept = accept;
  }

  /** The {@code Accept} header that asks for this format. */
  String accept() {
    return accept;
  }
}
