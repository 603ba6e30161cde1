package io.agentmetrics.stack.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.alerting.AlertingBundle;
import io.agentmetrics.stack.compose.SilentAlertmanagerConfig;
import io.agentmetrics.stack.config.GeneratedHeader;
import io.agentmetrics.stack.config.TextFiles;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alerting module's Alertmanager routing, grouping and inhibition as a Prometheus Operator
 * {@code AlertmanagerConfig} (monitoring.coreos.com/v1alpha1), for a cluster Alertmanager such as
 * kube-prometheus-stack's. Its receivers are names without integrations, as in compose's silent
 * configuration: give them yours (Slack, PagerDuty ... with keys from Secrets) in an overlay. The
 * operator adds a {@code namespace} matcher to the route and to every inhibition rule, which the
 * alerts satisfy because the cluster rules keep the namespace label ({@code groupLabels} of
 * alerting/mixin/kubernetes.yaml).
 */
public final class KubernetesAlertmanagerConfig {

  /** The generated file, relative to the repository root. */
  public static final String FILE = "kubernetes/generated/alertmanagerconfig.yaml";

  private static final Pattern MATCHER =
      Pattern.compile("^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"(.*)\"\\s*$");
  private static final List<Map.Entry<String, String>> DURATIONS =
      List.of(
          Map.entry("group_wait", "groupWait"),
          Map.entry("group_interval", "groupInterval"),
          Map.entry("repeat_interval", "repeatInterval"));

  private KubernetesAlertmanagerConfig() {}

  /** The AlertmanagerConfig for an Alertmanager configuration file's text. */
  public static String render(String alertmanagerYaml) {
    ObjectNode source = Yaml.parseMapping(alertmanagerYaml, "an Alertmanager configuration");
    ObjectNode config =
        KubernetesManifests.resource(
            "monitoring.coreos.com/v1alpha1",
            "AlertmanagerConfig",
            "agentmetrics",
            "agentmetrics-alertmanager-config");
    ObjectNode spec = config.putObject("spec");
    spec.set("route", route(source.path("route")));
    ArrayNode inhibitRules = spec.putArray("inhibitRules");
    for (JsonNode rule : source.path("inhibit_rules")) {
      ObjectNode converted = inhibitRules.addObject();
      converted.set("sourceMatch", matchers(rule.path("source_matchers")));
      converted.set("targetMatch", matchers(rule.path("target_matchers")));
      converted.set("equal", rule.path("equal").deepCopy());
    }
    ArrayNode receivers = spec.putArray("receivers");
    source
        .path("receivers")
        .forEach(r -> receivers.addObject().put("name", r.path("name").asText()));
    return GeneratedHeader.of(SilentAlertmanagerConfig.SOURCE, KubernetesAlertmanagerConfig.class)
        + Yaml.write(config);
  }

  private static ObjectNode route(JsonNode source) {
    ObjectNode route = Yaml.object();
    route.put("receiver", source.path("receiver").asText());
    if (source.has("group_by")) {
      route.set("groupBy", source.path("group_by").deepCopy());
    }
    for (Map.Entry<String, String> duration : DURATIONS) {
      if (source.has(duration.getKey())) {
        route.put(duration.getValue(), source.path(duration.getKey()).asText());
      }
    }
    if (source.has("matchers")) {
      route.set("matchers", matchers(source.path("matchers")));
    }
    if (source.has("routes")) {
      ArrayNode routes = route.putArray("routes");
      source.path("routes").forEach(child -> routes.add(route(child)));
    }
    return route;
  }

  private static ArrayNode matchers(JsonNode strings) {
    ArrayNode matchers = Yaml.object().arrayNode();
    for (JsonNode text : strings) {
      Matcher m = MATCHER.matcher(text.asText());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "matcher '" + text.asText() + "' is not name op \"value\" (=, !=, =~, !~)");
      }
      matchers
          .addObject()
          .put("name", m.group(1))
          .put("matchType", m.group(2))
          .put("value", m.group(3));
    }
    return matchers;
  }

  /**
   * Writes {@link #FILE} under {@code stackDirectory} from the alerting artifact's configuration.
   */
  public static void write(Path stackDirectory) {
    TextFiles.write(stackDirectory.resolve(FILE), render(AlertingBundle.alertmanagerConfig()));
  }
}
