package io.agentmetrics.dashboards.interpolate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.doctor.RelativeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The time side of GrafanaDifferentialIT: relative times (the dashboards' own and the common ones)
 * read by {@link RelativeTime} against {@code dateMath.parse}, panel time shifts against {@code
 * dateMath.parseDateMath}, and the frontend interval of {@link BuiltInVariables} against {@code
 * rangeUtil.calculateInterval}, at instants chosen around week, month and year boundaries.
 */
final class TimeCases {

  /** A Sunday evening, a Monday after midnight, the last second of February 2028, New Year. */
  static final List<Instant> NOWS =
      List.of(
          Instant.parse("2026-11-29T21:13:07Z"),
          Instant.parse("2026-11-30T00:00:01Z"),
          Instant.parse("2028-02-29T23:59:59Z"),
          Instant.parse("2027-01-01T00:30:00Z"));

  static final List<String> RELATIVE =
      List.of(
          "now",
          "now-5m",
          "now-15m",
          "now-1h",
          "now-6h",
          "now-12h",
          "now-24h",
          "now-2d",
          "now-7d",
          "now-30d",
          "now/d",
          "now/w",
          "now/M",
          "now/y",
          "now-1d/d",
          "now-7d/d",
          "now-1M/M");

  static final List<String> SHIFTS = List.of("1h", "1d", "1d/d", "7d", "1w/w", "1M");

  static final List<Duration> RANGES =
      List.of(
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7),
          Duration.ofDays(30));

  static final List<Integer> MAX_DATA_POINTS = List.of(100, 500, 1000, 1920, 11000);

  /** Scrape interval of the data source ("" for none) and the panel's min interval. */
  static final List<List<String>> LIMITS =
      List.of(
          List.of("", ""),
          List.of("15s", ""),
          List.of("30s", ""),
          List.of("1m", ""),
          List.of("5s", ""),
          List.of("", "1m"),
          List.of("15s", "10s"));

  private TimeCases() {}

  /** Adds the time cases to the oracle's request and our answers to {@code ours}, by id. */
  static void add(ObjectNode request, Map<String, String> ours) {
    Set<String> relative = new LinkedHashSet<>(RELATIVE);
    for (Dashboard d : Dashboards.loadAll()) {
      relative.add(d.json().path("time").path("from").asText("now-6h"));
      for (Panel p : d.panels()) {
        if (!p.timeFrom().isEmpty()) {
          // Grafana's PanelTimeRange reads a bare timeFrom (24h) as now-24h.
          relative.add(p.timeFrom().startsWith("now") ? p.timeFrom() : "now-" + p.timeFrom());
        }
      }
    }
    ArrayNode times = request.putArray("times");
    ArrayNode shifts = request.putArray("shifts");
    for (Instant now : NOWS) {
      for (String text : relative) {
        String id = "time " + text + " at " + now;
        times
            .addObject()
            .put("id", id)
            .put("now", now.toEpochMilli())
            .put("text", text)
            .put("roundUp", false);
        ours.put(id, Long.toString(RelativeTime.parse(text, now).toEpochMilli()));
      }
      for (String shift : SHIFTS) {
        for (boolean roundUp : List.of(false, true)) {
          String id = "shift " + shift + (roundUp ? " (to)" : " (from)") + " of " + now;
          shifts
              .addObject()
              .put("id", id)
              .put("timeMs", now.toEpochMilli())
              .put("shift", shift)
              .put("roundUp", roundUp);
          ours.put(id, Long.toString(RelativeTime.shift(now, shift, roundUp).toEpochMilli()));
        }
      }
    }
    ArrayNode intervals = request.putArray("intervals");
    Instant to = NOWS.get(0);
    for (Duration range : RANGES) {
      for (int points : MAX_DATA_POINTS) {
        for (List<String> limits : LIMITS) {
          String scrape = limits.get(0);
          String minInterval = limits.get(1);
          String id =
              "interval of "
                  + range
                  + " at "
                  + points
                  + " points, scrape '"
                  + scrape
                  + "', min interval '"
                  + minInterval
                  + "'";
          // Grafana's low limit: the panel's min interval, else the data source's interval (its
          // scrape interval, 15s when not set).
          String lowLimit =
              !minInterval.isEmpty() ? minInterval : scrape.isEmpty() ? "15s" : scrape;
          Instant from = to.minus(range);
          intervals
              .addObject()
              .put("id", id)
              .put("fromMs", from.toEpochMilli())
              .put("toMs", to.toEpochMilli())
              .put("maxDataPoints", points)
              .put("lowLimit", lowLimit);
          BuiltInVariables builtIns =
              BuiltInVariables.compute(new QueryOptions(from, to, points, scrape, minInterval, ""));
          ours.put(id, Long.toString(builtIns.frontendInterval().toMillis()));
        }
      }
    }
  }
}
