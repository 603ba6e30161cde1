package io.agentmetrics.integration.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.stack.config.PromDuration;
import io.agentmetrics.stack.config.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test copies of the production configurations, made so that alerts arrive in seconds instead
 * of minutes. Only timing changes: every rule expression, label, annotation, route, inhibition and
 * receiver stays the real one.
 *
 * <ul>
 *   <li>Rule files: each alert's {@code for} is capped at a short duration (the only edit; a
 *       line-by-line rewrite, so the rest of each file is byte-identical).
 *   <li>Alertmanager: {@code group_wait} and {@code group_interval} of the root route are
 *       shortened, and every receiver gets one more {@code webhook_configs} entry (with {@code
 *       send_resolved}) pointing at the test's receiver, so each notification also arrives as
 *       Alertmanager's webhook JSON, tagged with the receiver that routing chose.
 * </ul>
 */
public final class TestConfigs {

  private static final Pattern FOR = Pattern.compile("^(\\s+for:\\s*)(\\S+)(\\s*)$");

  private TestConfigs() {}

  /**
   * Copies every rule file of {@code source} to {@code target} with each {@code for} capped at
   * {@code maxFor}; returns the alerts' {@code for} values that were shortened, as {@code file: old
   * -> new} lines.
   */
  public static List<String> copyRulesWithShortFor(Path source, Path target, Duration maxFor) {
    List<String> changes = new ArrayList<>();
    try (Stream<Path> files = Files.list(source)) {
      Files.createDirectories(target);
      for (Path file : files.filter(TestConfigs::isRuleFile).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> copy = new ArrayList<>(lines.size());
        for (String line : lines) {
          Matcher m = FOR.matcher(line);
          if (m.matches() && PromDuration.parse(m.group(2)).compareTo(maxFor) > 0) {
            String shorter = PromDuration.format(maxFor);
            changes.add(file.getFileName() + ": for " + m.group(2) + " -> " + shorter);
            copy.add(m.group(1) + shorter + m.group(3));
          } else {
            copy.add(line);
          }
        }
        Files.write(target.resolve(file.getFileName()), copy, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the rules of " + source, e);
    }
    return changes;
  }

  private static boolean isRuleFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * The Alertmanager configuration {@code yaml} with the root route's {@code group_wait} and {@code
   * group_interval} set to {@code interval} and a webhook to {@code webhook} added to every
   * receiver.
   */
  public static String alertmanagerWithWebhook(String yaml, URI webhook, Duration interval) {
    ObjectNode config = (ObjectNode) Yaml.parse(yaml);
    ObjectNode route = config.withObjectProperty("route");
    route.put("group_wait", PromDuration.format(interval));
    route.put("group_interval", PromDuration.format(interval));
    for (JsonNode receiver : config.path("receivers")) {
      ArrayNode webhooks = ((ObjectNode) receiver).withArrayProperty("webhook_configs");
      webhooks.addObject().put("url", webhook.toString()).put("send_resolved", true);
    }
    return Yaml.write(config);
  }

  /** Reads a UTF-8 file. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes a UTF-8 file, creating its directory. */
  public static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
