package io.agentmetrics.dashboards.doctor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the doctor runs the dashboards' queries.
 *
 * @param from start of the dashboard time range
 * @param to end of the dashboard time range (panels with a relative time end here too)
 * @param scrapeInterval the Grafana data source's scrape interval ({@code timeInterval}), e.g.
 *     {@code 15s}
 * @param maxDataPoints the panel width Grafana would use as max data points
 * @param step a fixed query_range step instead of Grafana's, or null
 * @param selections values chosen for variables (e.g. {@code job}); every other variable is "All"
 */
public record DoctorOptions(
    Instant from,
    Instant to,
    String scrapeInterval,
    int maxDataPoints,
    Duration step,
    Map<String, List<String>> selections) {

  /** Grafana's default max data points for a panel about 1000 pixels wide. */
  public static final int DEFAULT_MAX_DATA_POINTS = 1000;

  /** Validates and copies the options. */
  public DoctorOptions {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("--to must be after --from");
    }
    selections = Map.copyOf(selections);
  }

  /** The last {@code range} until now, with a scrape interval and every variable at "All". */
  public static DoctorOptions lastRange(Duration range, String scrapeInterval) {
    Instant now = Instant.now();
    return new DoctorOptions(
        now.minus(range), now, scrapeInterval, DEFAULT_MAX_DATA_POINTS, null, Map.of());
  }

  /** These options with {@code selections} as the variables' values. */
  public DoctorOptions withSelections(Map<String, List<String>> selections) {
    return new DoctorOptions(from, to, scrapeInterval, maxDataPoints, step, selections);
  }
}
