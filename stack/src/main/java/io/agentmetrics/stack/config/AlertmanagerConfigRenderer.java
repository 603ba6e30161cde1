package io.agentmetrics.stack.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the alerting module's {@code alertmanager.yml} (written for the container) into the same
 * configuration for a local process. Secrets are read from files ({@code *_file} fields); every
 * such path is moved into a local secrets directory, and the caller writes each file (a
 * placeholder, or a value it was given). Template paths are translated to host paths.
 */
public final class AlertmanagerConfigRenderer {

  /** The content of a URL secret nobody supplied: the discard port on loopback, never sent out. */
  public static final String PLACEHOLDER_URL = "http://127.0.0.1:9/agentmetrics-placeholder";

  /** The content of any other secret nobody supplied. */
  public static final String PLACEHOLDER_SECRET = "agentmetrics-placeholder";

  /** Where notifications go when nothing else is given: the discard port, nobody listening. */
  public static final URI DISCARD = URI.create("http://127.0.0.1:9/");

  /** The SMTP server every e-mail receiver uses locally: the discard port on loopback. */
  public static final String LOCAL_SMARTHOST = "127.0.0.1:9";

  private final Path secretsDirectory;
  private final Function<String, Optional<Path>> hostPaths;
  private URI defaultSink;
  private final Map<String, URI> sinks = new LinkedHashMap<>();

  /**
   * A renderer.
   *
   * @param secretsDirectory the local directory the secret files will be in
   * @param hostPaths a container path to its host path, empty when not mounted
   */
  public AlertmanagerConfigRenderer(
      Path secretsDirectory, Function<String, Optional<Path>> hostPaths) {
    this.secretsDirectory = secretsDirectory;
    this.hostPaths = hostPaths;
  }

  /**
   * Keeps every notification on this machine: each receiver's webhook, Slack, PagerDuty and other
   * HTTP endpoints become {@code sink} (or the receiver's own sink from {@link #sink}), and e-mail
   * goes to {@link #LOCAL_SMARTHOST}. Routing, grouping and inhibition stay as configured.
   */
  public AlertmanagerConfigRenderer keepNotificationsLocal(URI sink) {
    this.defaultSink = sink;
    return this;
  }

  /** The endpoint for one receiver's notifications (a test's webhook receiver, say). */
  public AlertmanagerConfigRenderer sink(String receiver, URI sink) {
    sinks.put(receiver, sink);
    return this;
  }

  /** Renders {@code alertmanagerYaml}. */
  public Rendered render(String alertmanagerYaml) {
    ObjectNode config = Yaml.parseMapping(alertmanagerYaml, "an Alertmanager configuration");
    Map<String, SecretFile> secrets = new LinkedHashMap<>();
    moveSecretFiles(config, secrets);
    if (defaultSink != null || !sinks.isEmpty()) {
      redirectNotifications(config);
    }
    JsonNode templates = config.path("templates");
    if (templates.isArray()) {
      ArrayNode translated = config.putArray("templates");
      for (JsonNode template : templates) {
        String path = template.asText();
        translated.add(hostPaths.apply(path).map(Path::toString).orElse(path));
      }
    }
    return new Rendered(Yaml.write(config), List.copyOf(secrets.values()));
  }

  private void moveSecretFiles(JsonNode node, Map<String, SecretFile> secrets) {
    if (node.isArray()) {
      node.forEach(element -> moveSecretFiles(element, secrets));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    List<String> fields = new ArrayList<>();
    object.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode value = object.get(field);
      if (field.endsWith("_file") && value.isTextual() && !value.asText().isBlank()) {
        String original = value.asText();
        String name = Path.of(original).getFileName().toString();
        Path local = secretsDirectory.resolve(name);
        SecretFile previous = secrets.get(name);
        if (previous != null && !previous.originalPath().equals(original)) {
          throw new IllegalArgumentException(
              "two secret files share the name "
                  + name
                  + ": "
                  + previous.originalPath()
                  + ", "
                  + original);
        }
        secrets.put(name, new SecretFile(original, local, placeholderFor(field)));
        object.put(field, local.toString());
      } else {
        moveSecretFiles(value, secrets);
      }
    }
  }

  private void redirectNotifications(ObjectNode config) {
    if (config.path("global").has("smtp_smarthost")) {
      config.with("global").put("smtp_smarthost", LOCAL_SMARTHOST);
    }
    for (JsonNode receiver : config.path("receivers")) {
      URI sink = sinks.getOrDefault(receiver.path("name").asText(), defaultSink);
      List<String> fields = new ArrayList<>();
      receiver.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        if (!field.endsWith("_configs")) {
          continue;
        }
        for (JsonNode integration : receiver.path(field)) {
          redirect((ObjectNode) integration, field, sink);
        }
      }
    }
  }

  private static void redirect(ObjectNode integration, String kind, URI sink) {
    if (kind.equals("email_configs")) {
      integration.put("smarthost", LOCAL_SMARTHOST);
      return;
    }
    if (sink == null) {
      return;
    }
    integration.remove(List.of("url_file", "api_url_file", "webhook_url_file"));
    if (kind.equals("msteams_configs") || kind.equals("discord_configs")) {
      integration.put("webhook_url", sink.toString());
    } else if (kind.equals("slack_configs") || integration.has("api_url")) {
      integration.put("api_url", sink.toString());
    } else {
      integration.put("url", sink.toString());
    }
  }

  private static String placeholderFor(String field) {
    return field.contains("url") ? PLACEHOLDER_URL : PLACEHOLDER_SECRET;
  }

  /**
   * A secret file the rendered configuration reads.
   *
   * @param originalPath its path in the container configuration
   * @param localPath where the rendered configuration expects it
   * @param placeholder harmless content to write when no value is supplied
   */
  public record SecretFile(String originalPath, Path localPath, String placeholder) {

    /** The file's name, which is also how callers supply a value for it. */
    public String name() {
      return localPath.getFileName().toString();
    }
  }

  /**
   * A rendered configuration.
   *
   * @param yaml the Alertmanager configuration to run
   * @param secretFiles the secret files it reads, each to be written before Alertmanager starts
   */
  public record Rendered(String yaml, List<SecretFile> secretFiles) {

    /** The secret files by name. */
    public Map<String, SecretFile> secretFilesByName() {
      Map<String, SecretFile> byName = new LinkedHashMap<>();
      for (SecretFile secret : secretFiles) {
        byName.put(secret.name(), secret);
      }
      return byName;
    }
  }
}
