package io.agentmetrics.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recording-rule series the dashboards may read beside the catalogue's metrics, with the labels
 * each keeps: {@code io/agentmetrics/dashboards/recorded-series.txt}, one series a line.
 */
public final class RecordedSeries {

  /** The resource that declares them. */
  public static final String RESOURCE = "io/agentmetrics/dashboards/recorded-series.txt";

  private static final Map<String, Set<String>> SERIES = load();

  private RecordedSeries() {}

  /** The labels a recorded series keeps, or empty when {@code name} is not one. */
  public static Optional<Set<String>> labels(String name) {
    return Optional.ofNullable(SERIES.get(name));
  }

  /** Every declared series and its labels, in file order. */
  public static Map<String, Set<String>> all() {
    return SERIES;
  }

  private static Map<String, Set<String>> load() {
    try (InputStream in = RecordedSeries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      Map<String, Set<String>> series = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] words = trimmed.split("\\s+");
        series.put(
            words[0],
            Set.copyOf(new LinkedHashSet<>(Arrays.asList(words).subList(1, words.length))));
      }
      return Map.copyOf(series);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
