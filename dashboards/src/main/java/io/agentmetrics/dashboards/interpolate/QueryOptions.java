package io.agentmetrics.dashboards.interpolate;

import java.time.Instant;

/**
 * What Grafana knows when it runs one panel query.
 *
 * @param from start of the time range
 * @param to end of the time range
 * @param maxDataPoints the panel's max data points (its width in pixels by default)
 * @param scrapeInterval the data source's "Scrape interval" ({@code timeInterval}); empty for
 *     Grafana's default of 15s
 * @param minInterval the panel's "Min interval" query option; empty when not set
 * @param minStep the query's "Min step" ({@code interval} of the target); empty when not set
 */
public record QueryOptions(
    Instant from,
    Instant to,
    int maxDataPoints,
    String scrapeInterval,
    String minInterval,
    String minStep) {

  /** Validates the options. */
  public QueryOptions {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the time range must end after it starts");
    }
    if (maxDataPoints < 1) {
      throw new IllegalArgumentException("maxDataPoints must be positive");
    }
    scrapeInterval = scrapeInterval == null ? "" : scrapeInterval;
    minInterval = minInterval == null ? "" : minInterval;
    minStep = minStep == null ? "" : minStep;
  }

  /** Options with only a time range, a max data points and a scrape interval. */
  public static QueryOptions of(
      Instant from, Instant to, int maxDataPoints, String scrapeInterval) {
    return new QueryOptions(from, to, maxDataPoints, scrapeInterval, "", "");
  }
}
