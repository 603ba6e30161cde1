package io.agentmetrics.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The series that exporters and Prometheus write and the bundled dashboards and rules read (the
 * host, PostgreSQL, Redis, containers, Prometheus' per-target series), declared in {@value
 * #RESOURCE}: for the query checks and docs/metrics.md only, never in an application's classpath.
 */
public final class ExporterSeries {

  /** The declaration, a classpath resource of this module. */
  public static final String RESOURCE = "io/agentmetrics/catalogue/exporter-series.yaml";

  /** Every exporter label's values: the exporter's free text. */
  static final LabelPolicy EXPORTER_VALUES = LabelPolicy.freeText(128, 200);

  private static final List<MetricDefinition> ALL = load();

  private ExporterSeries() {}

  /** Every declared series, in declaration order. */
  public static List<MetricDefinition> all() {
    return ALL;
  }

  private static List<MetricDefinition> load() {
    try (InputStream in = ExporterSeries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<MetricDefinition> metrics = new ArrayList<>();
      for (JsonNode entry : root.path("metrics")) {
        metrics.add(metric(entry));
      }
      return List.copyOf(metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static MetricDefinition metric(JsonNode entry) {
    String name = required(entry, "name", "a series");
    List<LabelDefinition> labels = new ArrayList<>();
    for (JsonNode label : entry.path("labels")) {
      labels.add(
          new LabelDefinition(
              required(label, "key", name + "'s label"),
              required(label, "description", name + "'s label"),
              EXPORTER_VALUES));
    }
    return new MetricDefinition(
        name,
        MetricType.valueOf(required(entry, "type", name).toUpperCase(Locale.ROOT)),
        entry.hasNonNull("unit") ? entry.get("unit").asText() : null,
        required(entry, "help", name),
        Origin.valueOf(required(entry, "origin", name).toUpperCase(Locale.ROOT)),
        labels,
        List.of());
  }

  private static String required(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalStateException(RESOURCE + ": " + what + " needs a '" + field + "'");
    }
    return value.asText();
  }
}
