package io.agentmetrics.dashboards.doctor;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's relative times, in UTC: {@code now}, {@code now-6h}, {@code now/d} (start of today), a
 * panel's relative time {@code 30d}, epoch seconds, or an ISO-8601 instant.
 */
public final class RelativeTime {

  private static final Pattern RELATIVE =
      Pattern.compile("^now(?:-(\\d+)([smhdwMy]))?(?:/([smhdwMy]))?$");
  private static final Pattern BARE = Pattern.compile("^(\\d+)([smhdwMy])$");

  private RelativeTime() {}

  /** The instant {@code text} means at {@code now}. */
  public static Instant parse(String text, Instant now) {
    String t = text.trim();
    Matcher bare = BARE.matcher(t);
    if (bare.matches()) {
      return minus(now, Long.parseLong(bare.group(1)), bare.group(2));
    }
    Matcher m = RELATIVE.matcher(t);
    if (m.matches()) {
      Instant value = m.group(1) == null ? now : minus(now, Long.parseLong(m.group(1)), m.group(2));
      return m.group(3) == null ? value : startOf(value, m.group(3));
    }
    if (t.matches("\\d+(\\.\\d+)?")) {
      return Instant.ofEpochMilli((long) (Double.parseDouble(t) * 1000));
    }
    try {
      return Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid time '" + text + "': use now, now-6h, now/d, 30d, epoch seconds or ISO-8601");
    }
  }

  private static final Pattern SHIFT = Pattern.compile("^(\\d+)([smhdwMy])(?:/([smhdwMy]))?$");

  /**
   * {@code time} moved back by a panel's time shift ({@code 1h}, {@code 1d/d}), as Grafana's {@code
   * applyPanelTimeOverrides} does with {@code dateMath.parseDateMath("-" + shift, time, roundUp)}:
   * a rounding unit rounds down the start ({@code roundUp} false) and up to the last millisecond of
   * the unit the end ({@code roundUp} true).
   */
  public static Instant shift(Instant time, String shift, boolean roundUp) {
    Matcher m = SHIFT.matcher(shift.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid time shift '" + shift + "': use an amount and a unit, e.g. 1h or 1d/d");
    }
    Instant moved = minus(time, Long.parseLong(m.group(1)), m.group(2));
    if (m.group(3) == null) {
      return moved;
    }
    Instant start = startOf(moved, m.group(3));
    return roundUp ? startOf(plusOne(start, m.group(3)), m.group(3)).minusMillis(1) : start;
  }

  private static Instant plusOne(Instant start, String unit) {
    ZonedDateTime t = start.atZone(ZoneOffset.UTC);
    return switch (unit) {
      case "s" -> start.plusSeconds(1);
      case "m" -> start.plus(Duration.ofMinutes(1));
      case "h" -> start.plus(Duration.ofHours(1));
      case "d" -> t.plusDays(1).toInstant();
      case "w" -> t.plusWeeks(1).toInstant();
      case "M" -> t.plusMonths(1).toInstant();
      default -> t.plusYears(1).toInstant();
    };
  }

  private static Instant minus(Instant now, long amount, String unit) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC);
    return switch (unit) {
      case "s" -> now.minusSeconds(amount);
      case "m" -> now.minus(Duration.ofMinutes(amount));
      case "h" -> now.minus(Duration.ofHours(amount));
      case "d" -> now.minus(Duration.ofDays(amount));
      case "w" -> now.minus(Duration.ofDays(7 * amount));
      case "M" -> t.minusMonths(amount).toInstant();
      default -> t.minusYears(amount).toInstant();
    };
  }

  private static Instant startOf(Instant value, String unit) {
    ZonedDateTime t = value.atZone(ZoneOffset.UTC);
    return switch (unit) {
      case "s" -> t.truncatedTo(ChronoUnit.SECONDS).toInstant();
      case "m" -> t.truncatedTo(ChronoUnit.MINUTES).toInstant();
      case "h" -> t.truncatedTo(ChronoUnit.HOURS).toInstant();
      case "d" -> t.truncatedTo(ChronoUnit.DAYS).toInstant();
      // Grafana's dateMath uses moment's startOf('week'): Sunday in its default (en) locale.
      case "w" ->
          t.truncatedTo(ChronoUnit.DAYS)
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
              .toInstant();
      case "M" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
      default -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).toInstant();
    };
  }
}
