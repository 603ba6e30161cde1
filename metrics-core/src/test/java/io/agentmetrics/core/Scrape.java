package io.agentmetrics.core;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Prometheus text scrape of a registry, as lines and as parsed samples. */
final class Scrape {

  /**
   * One sample line.
   *
   * @param name the series name
   * @param labels the labels, in the order of the line
   * @param value the value as written
   */
  record Sample(String name, Map<String, String> labels, String value) {}

  private final String text;

  Scrape(PrometheusMeterRegistry registry) {
    this.text = registry.scrape();
  }

  String text() {
    return text;
  }

  List<String> lines() {
    return text.lines().toList();
  }

  List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.lines().toList()) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(parse(line));
      }
    }
    return samples;
  }

  /** The value of the one sample with this name and exactly these labels, or null. */
  String value(String name, Map<String, String> labels) {
    return samples().stream()
        .filter(s -> s.name().equals(name) && s.labels().equals(labels))
        .map(Sample::value)
        .findFirst()
        .orElse(null);
  }

  private static Sample parse(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace < 0 || brace > space) {
      return new Sample(line.substring(0, space), Map.of(), line.substring(space + 1).trim());
    }
    Map<String, String> labels = new LinkedHashMap<>();
    int i = brace + 1;
    while (line.charAt(i) != '}') {
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq);
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // skip ="
      while (line.charAt(j) != '"') {
        char c = line.charAt(j);
        if (c == '\\') {
          j++;
          c = line.charAt(j) == 'n' ? '\n' : line.charAt(j);
        }
        value.append(c);
        j++;
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return new Sample(line.substring(0, brace), labels, line.substring(i + 1).trim());
  }
}
