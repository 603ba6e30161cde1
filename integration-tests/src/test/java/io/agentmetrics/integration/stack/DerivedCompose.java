package io.agentmetrics.integration.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.integration.support.TestConfigs;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Path;
import java.util.Map;

/**
 * A copy of {@code stack/compose.yaml} in which bind mounts use absolute host paths and some
 * container paths are mounted from other host paths: how the native backend hands the test copies
 * of the rules and the Alertmanager configuration to {@link io.agentmetrics.stack.LocalStack},
 * which finds every configuration through the compose file's mounts.
 */
final class DerivedCompose {

  private DerivedCompose() {}

  /**
   * Writes the copy to {@code target}.
   *
   * @param compose the real compose file
   * @param replacements container path (e.g. {@code /etc/prometheus/rules}) to the host path to
   *     mount there instead
   */
  static Path write(Path compose, Map<String, Path> replacements, Path target) {
    Path directory = compose.toAbsolutePath().getParent();
    ObjectNode root = (ObjectNode) Yaml.read(compose);
    JsonNode namedVolumes = root.path("volumes");
    for (JsonNode service : root.path("services")) {
      JsonNode volumes = service.path("volumes");
      if (!volumes.isArray()) {
        continue;
      }
      ArrayNode rewritten = ((ObjectNode) service).putArray("volumes");
      for (JsonNode volume : volumes) {
        rewritten.add(
            volume.isTextual()
                ? rewrite(volume.asText(), directory, namedVolumes, replacements)
                : volume.asText());
      }
    }
    return TestConfigs.write(target, Yaml.write(root));
  }

  private static String rewrite(
      String volume, Path directory, JsonNode namedVolumes, Map<String, Path> replacements) {
    String[] parts = volume.split(":", 3);
    if (parts.length < 2 || namedVolumes.has(parts[0])) {
      return volume;
    }
    Path replacement = replacements.get(parts[1].replaceAll("/+$", ""));
    String source =
        replacement != null
            ? replacement.toAbsolutePath().toString()
            : directory.resolve(parts[0]).normalize().toString();
    return source + ":" + parts[1] + (parts.length > 2 ? ":" + parts[2] : "");
  }
}
