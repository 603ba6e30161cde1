package io.agentmetrics.stack.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus duration strings ({@code 15s}, {@code 1m30s}, {@code 500ms}). */
public final class PromDuration {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

  private PromDuration() {}

  /** Parses a Prometheus duration such as {@code 1h30m}. */
  public static Duration parse(String text) {
    Matcher matcher = PART.matcher(text);
    Duration total = Duration.ZERO;
    int position = 0;
    while (matcher.find() && matcher.start() == position) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                case "w" -> Duration.ofDays(7 * amount);
                default -> Duration.ofDays(365 * amount);
              });
      position = matcher.end();
    }
    if (position == 0 || position != text.length()) {
      throw new IllegalArgumentException("not a Prometheus duration: '" + text + "'");
    }
    return total;
  }

  /** Formats a duration the way Prometheus accepts it, in whole milliseconds. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("a Prometheus duration must be positive: " + duration);
    }
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    return (millis / 1000) + "s";
  }
}
