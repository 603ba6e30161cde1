package io.agentmetrics.stack.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the stack's {@code prometheus.yml} (written for compose: targets are service names, paths
 * are container paths) into the same configuration for processes on this machine: every {@code
 * host:port} target and Alertmanager address is replaced through a map (a {@code dns_sd_configs}
 * name and port as {@code name:port}, which becomes a static target), scrape jobs whose targets do
 * not run here are left out, and rule file paths are translated to host paths.
 *
 * <p>Optionally it shortens the scrape and evaluation intervals (for tests) and adds {@code
 * remote_write} endpoints.
 */
public final class PrometheusConfigRenderer {

  private final Map<String, String> targets;
  private final Function<String, Optional<Path>> hostPaths;
  private Duration scrapeInterval;
  private Duration evaluationInterval;
  private final List<URI> remoteWrite = new ArrayList<>();

  /**
   * A renderer.
   *
   * @param targets compose address ({@code metrics-server:8080}) to local address ({@code
   *     127.0.0.1:41234}); addresses not in the map are dropped
   * @param hostPaths a container path to its host path, empty when not mounted
   */
  public PrometheusConfigRenderer(
      Map<String, String> targets, Function<String, Optional<Path>> hostPaths) {
    this.targets = Map.copyOf(targets);
    this.hostPaths = hostPaths;
  }

  /** Overrides {@code global.scrape_interval} (and caps {@code scrape_timeout} to it). */
  public PrometheusConfigRenderer scrapeInterval(Duration interval) {
    this.scrapeInterval = interval;
    return this;
  }

  /** Overrides {@code global.evaluation_interval}. */
  public PrometheusConfigRenderer evaluationInterval(Duration interval) {
    this.evaluationInterval = interval;
    return this;
  }

  /** Adds a {@code remote_write} endpoint. */
  public PrometheusConfigRenderer remoteWrite(URI url) {
    remoteWrite.add(url);
    return this;
  }

  /** Renders {@code prometheusYaml}. */
  public Rendered render(String prometheusYaml) {
    ObjectNode config = Yaml.parseMapping(prometheusYaml, "a Prometheus configuration");
    applyIntervals(config);
    translateRuleFiles(config);
    rewriteAlertmanagers(config);
    List<String> dropped = rewriteScrapeConfigs(config);
    if (!remoteWrite.isEmpty()) {
      ArrayNode writes = config.withArray("remote_write");
      for (URI url : remoteWrite) {
        writes.addObject().put("url", url.toString());
      }
    }
    return new Rendered(Yaml.write(config), List.copyOf(dropped));
  }

  private void applyIntervals(ObjectNode config) {
    ObjectNode global = config.with("global");
    if (scrapeInterval != null) {
      global.put("scrape_interval", PromDuration.format(scrapeInterval));
      Duration timeout = PromDuration.parse(global.path("scrape_timeout").asText("10s"));
      if (timeout.compareTo(scrapeInterval) > 0) {
        global.put("scrape_timeout", PromDuration.format(scrapeInterval));
      }
    }
    if (evaluationInterval != null) {
      global.put("evaluation_interval", PromDuration.format(evaluationInterval));
    }
  }

  private void translateRuleFiles(ObjectNode config) {
    JsonNode ruleFiles = config.path("rule_files");
    if (!ruleFiles.isArray()) {
      return;
    }
    ArrayNode translated = config.putArray("rule_files");
    for (JsonNode ruleFile : ruleFiles) {
      String path = ruleFile.asText();
      translated.add(hostPaths.apply(path).map(Path::toString).orElse(path));
    }
  }

  private void rewriteAlertmanagers(ObjectNode config) {
    JsonNode alertmanagers = config.path("alerting").path("alertmanagers");
    for (JsonNode alertmanager : alertmanagers) {
      for (JsonNode staticConfig : alertmanager.path("static_configs")) {
        mapTargets((ObjectNode) staticConfig);
      }
    }
  }

  private List<String> rewriteScrapeConfigs(ObjectNode config) {
    List<String> dropped = new ArrayList<>();
    JsonNode scrapeConfigs = config.path("scrape_configs");
    if (!scrapeConfigs.isArray()) {
      return dropped;
    }
    ArrayNode kept = config.putArray("scrape_configs");
    for (JsonNode scrapeConfig : scrapeConfigs) {
      ObjectNode job = (ObjectNode) scrapeConfig;
      int remaining = 0;
      ArrayNode keptStatic = job.arrayNode();
      for (JsonNode staticConfig : job.path("static_configs")) {
        int mapped = mapTargets((ObjectNode) staticConfig);
        if (mapped > 0) {
          keptStatic.add(staticConfig);
          remaining += mapped;
        }
      }
      // Optional exporters are found by DNS in compose (a service that is not running leaves no
      // target); here each name:port that runs locally becomes a static target.
      ArrayNode fromDns = job.arrayNode();
      for (JsonNode dnsConfig : job.path("dns_sd_configs")) {
        for (JsonNode name : dnsConfig.path("names")) {
          String local = targets.get(name.asText() + ":" + dnsConfig.path("port").asText());
          if (local != null) {
            fromDns.add(local);
          }
        }
      }
      job.remove("dns_sd_configs");
      if (!fromDns.isEmpty()) {
        keptStatic.addObject().set("targets", fromDns);
        remaining += fromDns.size();
      }
      if (remaining == 0) {
        dropped.add(job.path("job_name").asText());
        continue;
      }
      job.set("static_configs", keptStatic);
      kept.add(job);
    }
    return dropped;
  }

  /** Replaces the targets of one static config; returns how many were kept. */
  private int mapTargets(ObjectNode staticConfig) {
    ArrayNode mapped = staticConfig.arrayNode();
    for (JsonNode target : staticConfig.path("targets")) {
      String local = targets.get(target.asText());
      if (local != null) {
        mapped.add(local);
      }
    }
    staticConfig.set("targets", mapped);
    return mapped.size();
  }

  /**
   * A rendered configuration.
   *
   * @param yaml the Prometheus configuration to run
   * @param droppedJobs the scrape jobs left out because none of their targets runs locally
   */
  public record Rendered(String yaml, List<String> droppedJobs) {}
}
