package io.agentmetrics.api;

import java.util.List;

/**
 * How a meter name becomes Prometheus series names, following Micrometer's Prometheus naming
 * convention: dots become underscores, the base unit is appended, counters end in {@code _total},
 * timers are in seconds.
 */
public final class PrometheusNames {

  private PrometheusNames() {}

  /** Replaces every character outside {@code [a-zA-Z0-9_:]} with an underscore. */
  public static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9' && i > 0)
              || c == '_'
              || c == ':';
      out.append(ok ? c : '_');
    }
    return out.toString();
  }

  /** The base Prometheus name of a metric (without {@code _bucket}, {@code _total} ...). */
  public static String baseName(String name, MetricType type, String baseUnit) {
    String base = sanitize(name);
    String unit = type == MetricType.TIMER ? "seconds" : baseUnit;
    if (unit != null && !unit.isEmpty() && !base.endsWith("_" + unit)) {
      base = base + "_" + unit;
    }
    return base;
  }

  /** Every series name a metric produces in a Micrometer Prometheus scrape. */
  public static List<String> seriesNames(String baseName, MetricType type, boolean histogram) {
    return switch (type) {
      case COUNTER -> List.of(baseName + "_total");
      case GAUGE, COUNTER_WITHOUT_TOTAL -> List.of(baseName);
      case TIMER, DISTRIBUTION_SUMMARY ->
          histogram
              ? List.of(
                  baseName + "_bucket", baseName + "_count", baseName + "_sum", baseName + "_max")
              : List.of(baseName + "_count", baseName + "_sum", baseName + "_max");
    };
  }
}
