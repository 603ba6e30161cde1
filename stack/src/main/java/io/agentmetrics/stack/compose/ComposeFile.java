package io.agentmetrics.stack.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a compose file the native launcher and the tests need: each service's bind mounts
 * (host path, container path). It answers "which host file is this container path?", so the native
 * launcher uses exactly the files the containers would see.
 */
public final class ComposeFile {

  private final Path file;
  private final Map<String, List<BindMount>> mountsByService;

  private ComposeFile(Path file, Map<String, List<BindMount>> mountsByService) {
    this.file = file;
    this.mountsByService = mountsByService;
  }

  /** Reads a compose file; relative host paths resolve against its directory. */
  public static ComposeFile read(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path directory = absolute.getParent();
    JsonNode root = Yaml.read(absolute);
    JsonNode namedVolumes = root.path("volumes");
    Map<String, List<BindMount>> mounts = new LinkedHashMap<>();
    root.path("services")
        .fields()
        .forEachRemaining(
            service -> {
              List<BindMount> serviceMounts = new ArrayList<>();
              for (JsonNode volume : service.getValue().path("volumes")) {
                parse(volume, directory, namedVolumes).ifPresent(serviceMounts::add);
              }
              mounts.put(service.getKey(), List.copyOf(serviceMounts));
            });
    return new ComposeFile(absolute, mounts);
  }

  private static Optional<BindMount> parse(JsonNode volume, Path directory, JsonNode named) {
    String source;
    String target;
    boolean readOnly;
    if (volume.isTextual()) {
      String[] parts = volume.asText().split(":");
      if (parts.length < 2) {
        return Optional.empty(); // an anonymous volume
      }
      source = parts[0];
      target = parts[1];
      readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
    } else {
      if (!"bind".equals(volume.path("type").asText("bind"))) {
        return Optional.empty();
      }
      source = volume.path("source").asText();
      target = volume.path("target").asText();
      readOnly = volume.path("read_only").asBoolean(false);
    }
    if (named.has(source) || !(source.startsWith(".") || source.startsWith("/"))) {
      return Optional.empty(); // a named volume
    }
    return Optional.of(
        new BindMount(
            directory.resolve(source).normalize(), target.replaceAll("/+$", ""), readOnly));
  }

  /** The compose file this was read from. */
  public Path file() {
    return file;
  }

  /** The services, in file order. */
  public List<String> services() {
    return List.copyOf(mountsByService.keySet());
  }

  /** The bind mounts of a service (none for an unknown service). */
  public List<BindMount> bindMounts(String service) {
    return mountsByService.getOrDefault(service, List.of());
  }

  /** Every bind mount of every service. */
  public List<BindMount> allBindMounts() {
    return mountsByService.values().stream().flatMap(List::stream).toList();
  }

  /**
   * The host path that {@code containerPath} (a file, a directory or a glob under one) has inside
   * {@code service}, through its longest matching bind mount; empty when no mount covers it.
   */
  public Optional<Path> hostPath(String service, String containerPath) {
    return bindMounts(service).stream()
        .filter(mount -> mount.covers(containerPath))
        .max(Comparator.comparingInt(mount -> mount.containerPath().length()))
        .map(mount -> mount.hostPathOf(containerPath));
  }

  /**
   * One bind mount.
   *
   * @param hostPath the absolute, normalized host path
   * @param containerPath the path inside the container, without a trailing slash
   * @param readOnly whether it is mounted {@code :ro}
   */
  public record BindMount(Path hostPath, String containerPath, boolean readOnly) {

    boolean covers(String path) {
      return path.equals(containerPath) || path.startsWith(containerPath + "/");
    }

    Path hostPathOf(String path) {
      if (path.equals(containerPath)) {
        return hostPath;
      }
      return hostPath.resolve(path.substring(containerPath.length() + 1));
    }
  }
}
