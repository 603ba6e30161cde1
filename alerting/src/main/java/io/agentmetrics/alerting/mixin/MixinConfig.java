package io.agentmetrics.alerting.mixin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of the rule templates: one YAML file, or several merged key by key with later
 * files winning (the defaults, then an overlay such as {@code alerting/mixin/kubernetes.yaml}).
 *
 * <p>Global values are read by dotted path ({@code slo.agentRunSuccess}); each alert's values live
 * under {@code alerts.<AlertName>}.
 */
public final class MixinConfig {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ObjectNode root;

  private MixinConfig(ObjectNode root) {
    this.root = root;
  }

  /** Reads and merges configuration files, later files overriding earlier ones. */
  public static MixinConfig load(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("at least one configuration file is needed");
    }
    ObjectNode merged = YAML.createObjectNode();
    for (Path file : files) {
      merge(merged, read(file));
    }
    return new MixinConfig(merged);
  }

  private static ObjectNode read(Path file) {
    try {
      JsonNode node = YAML.readTree(Files.readString(file));
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException(file + " is not a YAML mapping");
      }
      return object;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void merge(ObjectNode target, ObjectNode overlay) {
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode existingObject
          && field.getValue() instanceof ObjectNode overlayObject) {
        merge(existingObject, overlayObject);
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  /** A global scalar by dotted path, e.g. {@code selector} or {@code slo.agentRunSuccess}. */
  public Optional<String> global(String dottedPath) {
    JsonNode node = root;
    for (String part : dottedPath.split("\\.", -1)) {
      node = node.path(part);
    }
    return scalar(node);
  }

  /** A value of one alert's configuration, e.g. {@code threshold} of {@code AgentMetricsX}. */
  public Optional<String> alertValue(String alert, String key) {
    return scalar(root.path("alerts").path(alert).path(key));
  }

  /** Whether an alert is rendered: {@code enabled: false} leaves it out. */
  public boolean enabled(String alert) {
    return root.path("alerts").path(alert).path("enabled").asBoolean(true);
  }

  /** The names of the configured alerts, in file order. */
  public List<String> alertNames() {
    List<String> names = new ArrayList<>();
    root.path("alerts").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The keys configured for one alert, in file order. */
  public List<String> alertKeys(String alert) {
    List<String> keys = new ArrayList<>();
    root.path("alerts").path(alert).fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Optional<String> scalar(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
  }
}
