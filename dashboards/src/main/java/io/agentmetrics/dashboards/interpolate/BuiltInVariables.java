package io.agentmetrics.dashboards.interpolate;

import java.time.Duration;

/**
 * Grafana's built-in interval and range variables for one Prometheus query, computed as Grafana
 * 11/12 computes them: the frontend derives {@code intervalMs} from the time range and max data
 * points (rounded, at least the min interval, else the data source's scrape interval, else its 15 s
 * default); the Prometheus backend derives the query step ({@code $__interval}) from it and sets
 * {@code $__rate_interval} to max({@code intervalMs} + scrape interval, 4 x scrape interval).
 *
 * @param frontendInterval the interval the frontend sends with the query
 * @param step the query step, which is also {@code $__interval}
 * @param rateInterval {@code $__rate_interval}
 * @param range the length of the time range ({@code $__range})
 */
public record BuiltInVariables(
    Duration frontendInterval, Duration step, Duration rateInterval, Duration range) {

  /** Grafana's default scrape interval for Prometheus data sources. */
  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(15);

  private static final long SAFE_RESOLUTION = 11_000;

  /** Computes the built-in variables for a query. */
  public static BuiltInVariables compute(QueryOptions options) {
    Duration range = Duration.between(options.from(), options.to());
    String lowLimit =
        !options.minInterval().isEmpty() ? options.minInterval() : options.scrapeInterval();
    // With no min interval and no scrape interval set, the Prometheus data source's own default
    // (15 s) is the low limit, as its frontend's `interval` falls back to '15s'.
    long lowLimitMs =
        lowLimit.isEmpty()
            ? DEFAULT_SCRAPE_INTERVAL.toMillis()
            : GrafanaDurations.parse(lowLimit).toMillis();
    long frontendMs =
        Math.max(
            GrafanaDurations.roundFrontendMillis(
                (double) range.toMillis() / options.maxDataPoints()),
            lowLimitMs);
    Duration frontend = Duration.ofMillis(frontendMs);

    Duration minInterval =
        isVariable(options.minStep()) || options.minStep().isEmpty()
            ? frontend
            : GrafanaDurations.parse(options.minStep());
    Duration raw = range.dividedBy(options.maxDataPoints());
    Duration calculated =
        raw.compareTo(minInterval) < 0 ? minInterval : GrafanaDurations.roundBackend(raw);
    Duration safe = GrafanaDurations.roundBackend(range.dividedBy(SAFE_RESOLUTION));
    Duration adjusted = calculated.compareTo(safe) > 0 ? calculated : safe;

    // As Grafana's Prometheus backend (pkg/promlib/models/query.go, calculatePrometheusInterval
    // and interpolateVariables): a Min step of $__rate_interval makes the step itself a rate
    // interval of the data source's scrape interval, and $__rate_interval that step; a Min step of
    // $__interval makes $__rate_interval count the step as the scrape interval.
    String minStep = options.minStep();
    Duration dataSourceScrape =
        options.scrapeInterval().isEmpty()
            ? DEFAULT_SCRAPE_INTERVAL
            : GrafanaDurations.parse(options.scrapeInterval());
    if (RATE_INTERVAL.contains(minStep)) {
      Duration step = rateInterval(adjusted, dataSourceScrape);
      return new BuiltInVariables(frontend, step, step, range);
    }
    Duration scrape;
    if (INTERVAL.contains(minStep)) {
      scrape = adjusted;
    } else if (!minStep.isEmpty() && !isVariable(minStep)) {
      scrape = GrafanaDurations.parse(minStep);
    } else {
      scrape = dataSourceScrape;
    }
    Duration step = adjusted;
    Duration rate = rateInterval(frontend, scrape);
    return new BuiltInVariables(frontend, step, rate, range);
  }

  /**
   * Replaces the built-in variables in {@code expr} in the order Grafana's Prometheus backend does
   * ({@code $__interval_ms} before {@code $__interval}, and so on), in both {@code $name} and
   * {@code ${name}} forms.
   */
  public String apply(String expr) {
    long rangeMs = range.toMillis();
    long rangeS = Math.round(rangeMs / 1000.0);
    String[][] replacements = {
      {"__interval_ms", Long.toString(step.toMillis())},
      {"__interval", GrafanaDurations.formatInterval(step)},
      {"__range_ms", Long.toString(rangeMs)},
      {"__range_s", Long.toString(rangeS)},
      {"__range", rangeS + "s"},
      {"__rate_interval_ms", Long.toString(rateInterval.toMillis())},
      {"__rate_interval", GrafanaDurations.goString(rateInterval)},
    };
    String out = expr;
    for (String[] r : replacements) {
      out = out.replace("$" + r[0], r[1]);
    }
    for (String[] r : replacements) {
      out = out.replace("${" + r[0] + "}", r[1]);
    }
    return out;
  }

  private static final java.util.Set<String> RATE_INTERVAL =
      java.util.Set.of("$__rate_interval", "${__rate_interval}");
  private static final java.util.Set<String> INTERVAL =
      java.util.Set.of("$__interval", "${__interval}");

  /** calculateRateInterval: max(interval + scrape interval, 4 x scrape interval). */
  private static Duration rateInterval(Duration interval, Duration scrape) {
    Duration plusScrape = interval.plus(scrape);
    Duration fourScrapes = scrape.multipliedBy(4);
    return plusScrape.compareTo(fourScrapes) > 0 ? plusScrape : fourScrapes;
  }

  private static boolean isVariable(String interval) {
    return interval.startsWith("$");
  }
}
