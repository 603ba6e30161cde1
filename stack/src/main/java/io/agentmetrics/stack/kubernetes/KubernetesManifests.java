package io.agentmetrics.stack.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.alerting.AlertingBundle;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.stack.config.GeneratedHeader;
import io.agentmetrics.stack.config.TextFiles;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Generates the Kubernetes manifests that come from other modules, so that they cannot drift from
 * them: the Prometheus Operator's {@code PrometheusRule}, rendered from the alerting module's rule
 * templates with its configuration and the cluster overlay ({@code alerting/mixin/kubernetes.yaml}:
 * a selector for a shared Prometheus, no Watchdog), and one {@code ConfigMap} per bundled
 * dashboard, labelled for Grafana's dashboard sidecar. Both come from the modules' artifacts on the
 * classpath ({@link AlertingBundle}, {@link Dashboards}), and are written into the stack directory:
 * kustomize cannot read other modules' files itself, its load restrictor keeps it inside {@code
 * stack/kubernetes}.
 */
public final class KubernetesManifests {

  /** Where the alerting module's rule templates live in the repository (for the header). */
  public static final String RULE_TEMPLATES = "alerting/mixin/rules";

  /** The rule configuration and its cluster overlay in the repository (for the header). */
  public static final List<String> RULE_CONFIGS =
      List.of("alerting/mixin/config.yaml", "alerting/mixin/kubernetes.yaml");

  /** Where the dashboards module's Grafana JSON files live in the repository (for the header). */
  public static final String DASHBOARDS_DIRECTORY =
      "dashboards/src/main/resources/" + Dashboards.RESOURCE_DIRECTORY;

  /** The generated PrometheusRule, relative to the stack directory. */
  public static final String PROMETHEUS_RULE_FILE = "kubernetes/generated/prometheusrule.yaml";

  /** The generated dashboard ConfigMaps, relative to the stack directory. */
  public static final String DASHBOARDS_FILE = "kubernetes/generated/grafana-dashboards.yaml";

  /** The command that regenerates both files. */
  public static final String REGENERATE_COMMAND = GeneratedHeader.REGENERATE_COMMAND;

  /** The label Grafana's dashboard sidecar looks for. */
  public static final String DASHBOARD_LABEL = "grafana_dashboard";

  /** The annotation that names the sidecar's folder (its {@code folderAnnotation} setting). */
  public static final String FOLDER_ANNOTATION = "grafana_folder";

  private final Path stackDirectory;

  /** Generates into {@code stackDirectory} (the stack module's directory). */
  public KubernetesManifests(Path stackDirectory) {
    this.stackDirectory = stackDirectory.toAbsolutePath().normalize();
  }

  /** Every group of every rule template rendered for the cluster, in file order. */
  public ArrayNode ruleGroups() {
    ArrayNode groups = Yaml.object().arrayNode();
    for (String rendered :
        AlertingBundle.renderRules(List.of(AlertingBundle.KUBERNETES_OVERLAY)).values()) {
      Yaml.parse(rendered).path("groups").forEach(groups::add);
    }
    return groups;
  }

  /**
   * A resource's head: {@code apiVersion}, {@code kind}, and metadata with its name and the label
   * {@code app.kubernetes.io/name}.
   */
  static ObjectNode resource(String apiVersion, String kind, String name, String appName) {
    ObjectNode resource = Yaml.object();
    resource.put("apiVersion", apiVersion);
    resource.put("kind", kind);
    ObjectNode metadata = resource.putObject("metadata");
    metadata.put("name", name);
    metadata.putObject("labels").put("app.kubernetes.io/name", appName);
    return resource;
  }

  /** The PrometheusRule holding every rule group of the alerting module. */
  public String prometheusRule() {
    ObjectNode rule =
        resource(
            "monitoring.coreos.com/v1",
            "PrometheusRule",
            "agentmetrics-rules",
            "agentmetrics-rules");
    rule.putObject("spec").set("groups", ruleGroups());
    return GeneratedHeader.of(
            RULE_TEMPLATES + "/*.yaml with " + String.join(" and ", RULE_CONFIGS),
            KubernetesManifests.class)
        + Yaml.write(rule);
  }

  /** One ConfigMap per dashboard, as a multi-document YAML stream. */
  public String dashboardConfigMaps() {
    StringBuilder out =
        new StringBuilder(
            GeneratedHeader.of(DASHBOARDS_DIRECTORY + "/*.json", KubernetesManifests.class));
    for (String name : Dashboards.FILE_NAMES.stream().sorted().toList()) {
      ObjectNode configMap = Yaml.object();
      configMap.put("apiVersion", "v1");
      configMap.put("kind", "ConfigMap");
      ObjectNode metadata = configMap.putObject("metadata");
      metadata.put("name", "agentmetrics-dashboard-" + stem(name));
      metadata.putObject("labels").put(DASHBOARD_LABEL, "1");
      metadata.putObject("annotations").put(FOLDER_ANNOTATION, "agentmetrics");
      configMap.putObject("data").put(name, Dashboards.text(name));
      out.append("---\n").append(Yaml.write(configMap));
    }
    return out.toString();
  }

  /** Writes both generated files. */
  public void writeAll() {
    TextFiles.write(stackDirectory.resolve(PROMETHEUS_RULE_FILE), prometheusRule());
    TextFiles.write(stackDirectory.resolve(DASHBOARDS_FILE), dashboardConfigMaps());
  }

  /** Regenerates the manifests: {@code KubernetesManifests [stack directory]}. */
  public static void main(String[] args) {
    KubernetesManifests manifests =
        new KubernetesManifests(Path.of(args.length > 0 ? args[0] : "."));
    manifests.writeAll();
    System.out.println(
        "wrote "
            + PROMETHEUS_RULE_FILE
            + " ("
            + manifests.ruleGroups().size()
            + " rule groups) and "
            + DASHBOARDS_FILE
            + " ("
            + Dashboards.FILE_NAMES.size()
            + " dashboards)");
  }

  private static String stem(String fileName) {
    return fileName
        .substring(0, fileName.lastIndexOf('.'))
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-");
  }
}
