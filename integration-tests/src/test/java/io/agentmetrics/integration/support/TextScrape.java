package io.agentmetrics.integration.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A Prometheus text 0.0.4 scrape as series (name with labels) and their values. */
public final class TextScrape {

  private final Map<String, Double> series = new LinkedHashMap<>();

  public TextScrape(String body) {
    for (String line : body.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
  }

  /** Number of series in the whole scrape. */
  public int size() {
    return series.size();
  }

  /** The series of {@code name} (exact sample name, e.g. {@code x_total}). */
  public Map<String, Double> of(String name) {
    Map<String, Double> matching = new LinkedHashMap<>();
    series.forEach(
        (key, value) -> {
          if (key.equals(name) || key.startsWith(name + "{")) {
            matching.put(key, value);
          }
        });
    return matching;
  }

  /** The sum of the series of {@code name} whose label part matches {@code labels}. */
  public double sum(String name, Predicate<String> labels) {
    return of(name).entrySet().stream()
        .filter(e -> labels.test(e.getKey()))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** The sum of every series of {@code name}. */
  public double sum(String name) {
    return sum(name, key -> true);
  }
}
