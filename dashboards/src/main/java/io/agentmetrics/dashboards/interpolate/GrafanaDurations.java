package io.agentmetrics.dashboards.interpolate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's duration arithmetic: its interval rounding ladder, its {@code 1m}/{@code 2h} interval
 * format, Go's {@code time.Duration} text (used for {@code $__rate_interval}) and interval parsing.
 */
public final class GrafanaDurations {

  /** Upper bounds (ms) of the rounding ladder and the rounded value (ms) of each rung. */
  private static final long[][] LADDER = {
    {10, 1},
    {15, 10},
    {35, 20},
    {75, 50},
    {150, 100},
    {350, 200},
    {750, 500},
    {1_500, 1_000},
    {3_500, 2_000},
    {7_500, 5_000},
    {12_500, 10_000},
    {17_500, 15_000},
    {25_000, 20_000},
    {45_000, 30_000},
    {90_000, 60_000},
    {210_000, 120_000},
    {450_000, 300_000},
    {750_000, 600_000},
    {1_050_000, 900_000},
    {1_500_000, 1_200_000},
    {2_700_000, 1_800_000},
    {5_400_000, 3_600_000},
    {9_000_000, 7_200_000},
    {16_200_000, 10_800_000},
    {32_400_000, 21_600_000},
    {86_400_000, 43_200_000},
    {172_800_000, 86_400_000},
    {604_800_000, 86_400_000},
    {1_814_400_000, 604_800_000},
    {3_628_800_000L, 2_592_000_000L},
  };

  private static final long YEAR_MS = 31_536_000_000L;

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|s|m|h|d|w|M|y)");

  private GrafanaDurations() {}

  /**
   * Rounds an interval as Grafana's backend does ({@code gtime.RoundInterval}: each rung's bound is
   * inclusive).
   */
  public static Duration roundBackend(Duration interval) {
    long ns = interval.toNanos();
    for (long[] rung : LADDER) {
      boolean last = rung[0] == LADDER[LADDER.length - 1][0];
      long bound = rung[0] * 1_000_000L;
      if (last ? ns < bound : ns <= bound) {
        return Duration.ofMillis(rung[1]);
      }
    }
    return Duration.ofMillis(YEAR_MS);
  }

  /**
   * Rounds an interval in milliseconds as Grafana's frontend does ({@code rangeutil.roundInterval}:
   * each rung's bound is exclusive).
   */
  public static long roundFrontendMillis(double intervalMs) {
    for (long[] rung : LADDER) {
      if (intervalMs < rung[0]) {
        return rung[1];
      }
    }
    return YEAR_MS;
  }

  /** Grafana's interval text ({@code gtime.FormatInterval}): the largest whole unit, e.g. 2m. */
  public static String formatInterval(Duration interval) {
    long ms = interval.toMillis();
    long[] units = {YEAR_MS, 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] names = {"y", "d", "h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (ms >= units[i]) {
        return (ms / units[i]) + names[i];
      }
    }
    return "1ms";
  }

  /** Go's {@code time.Duration.String()}, e.g. {@code 1m0s}, {@code 1h0m30s}, {@code 500ms}. */
  public static String goString(Duration duration) {
    long ns = duration.toNanos();
    if (ns == 0) {
      return "0s";
    }
    String sign = ns < 0 ? "-" : "";
    ns = Math.abs(ns);
    if (ns < 1_000_000_000L) {
      if (ns < 1_000L) {
        return sign + ns + "ns";
      }
      if (ns < 1_000_000L) {
        return sign + fraction(ns, 1_000L) + "µs";
      }
      return sign + fraction(ns, 1_000_000L) + "ms";
    }
    long hours = ns / 3_600_000_000_000L;
    long minutes = ns / 60_000_000_000L % 60;
    long secondsNs = ns % 60_000_000_000L;
    StringBuilder out = new StringBuilder(sign);
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(secondsNs, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long rest = value % unit;
    if (rest == 0) {
      return Long.toString(whole);
    }
    String digits = String.format("%0" + Long.toString(unit).length() + "d", rest).substring(1);
    return whole + "." + digits.replaceAll("0+$", "");
  }

  /**
   * Parses a Grafana interval: a bare number of seconds ({@code 30}), Go units ({@code 1m30s},
   * {@code 500ms}) or Grafana's {@code d}, {@code w}, {@code M}, {@code y}; {@code <} and {@code >}
   * marks are ignored.
   */
  public static Duration parse(String text) {
    String s = text.replace("<", "").replace(">", "").trim();
    if (s.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(s));
    }
    Matcher m = PART.matcher(s);
    long ns = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      end = m.end();
      double amount = Double.parseDouble(m.group(1));
      ns += (long) (amount * unitNanos(m.group(2)));
    }
    if (end != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException("invalid interval '" + text + "'");
    }
    return Duration.ofNanos(ns);
  }

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      case "d" -> 86400e9;
      case "w" -> 7 * 86400e9;
      case "M" -> 365.25 / 12 * 86400e9;
      default -> 365.25 * 86400e9; // "y"
    };
  }
}
