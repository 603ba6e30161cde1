package io.agentmetrics.stack.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.alerting.mixin.MixinConfig;
import io.agentmetrics.alerting.mixin.RuleTemplates;
import io.agentmetrics.stack.config.GeneratedHeader;
import io.agentmetrics.stack.config.TextFiles;
import io.agentmetrics.stack.config.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Generates the Kubernetes manifests that come from other modules' files, so that they cannot drift
 * from them: the Prometheus Operator's {@code PrometheusRule}, rendered from the alerting module's
 * rule templates with its configuration and the cluster overlay ({@code
 * alerting/mixin/kubernetes.yaml}: a selector for a shared Prometheus, no Watchdog), and one {@code
 * ConfigMap} per bundled dashboard, labelled for Grafana's dashboard sidecar. kustomize cannot read
 * those files itself: its load restrictor keeps it inside {@code stack/kubernetes}.
 */
public final class KubernetesManifests {

  /** The alerting module's rule templates, relative to the repository root. */
  public static final String RULE_TEMPLATES = "alerting/mixin/rules";

  /** The rule configuration and its cluster overlay, relative to the repository root. */
  public static final List<String> RULE_CONFIGS =
      List.of("alerting/mixin/config.yaml", "alerting/mixin/kubernetes.yaml");

  /** The dashboards module's Grafana JSON files, relative to the repository root. */
  public static final String DASHBOARDS_DIRECTORY =
      "dashboards/src/main/resources/io/agentmetrics/dashboards/grafana";

  /** The generated PrometheusRule, relative to the repository root. */
  public static final String PROMETHEUS_RULE_FILE =
      "stack/kubernetes/generated/prometheusrule.yaml";

  /** The generated dashboard ConfigMaps, relative to the repository root. */
  public static final String DASHBOARDS_FILE = "stack/kubernetes/generated/grafana-dashboards.yaml";

  /** The command that regenerates both files. */
  public static final String REGENERATE_COMMAND = GeneratedHeader.REGENERATE_COMMAND;

  /** The label Grafana's dashboard sidecar looks for. */
  public static final String DASHBOARD_LABEL = "grafana_dashboard";

  /** The annotation that names the sidecar's folder (its {@code folderAnnotation} setting). */
  public static final String FOLDER_ANNOTATION = "grafana_folder";

  private final Path repoRoot;

  /** Generates from the files under {@code repoRoot}. */
  public KubernetesManifests(Path repoRoot) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  /** The dashboard files, sorted by name. */
  public List<Path> dashboardFiles() {
    return list(repoRoot.resolve(DASHBOARDS_DIRECTORY), ".json");
  }

  /** Every group of every rule template rendered for the cluster, in file order. */
  public ArrayNode ruleGroups() {
    MixinConfig config = MixinConfig.load(RULE_CONFIGS.stream().map(repoRoot::resolve).toList());
    ArrayNode groups = Yaml.object().arrayNode();
    for (String rendered :
        RuleTemplates.render(
                repoRoot.resolve(RULE_TEMPLATES), config, repoRoot.resolve("docs/runbooks.md"))
            .values()) {
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
    for (Path file : dashboardFiles()) {
      String name = file.getFileName().toString();
      ObjectNode configMap = Yaml.object();
      configMap.put("apiVersion", "v1");
      configMap.put("kind", "ConfigMap");
      ObjectNode metadata = configMap.putObject("metadata");
      metadata.put("name", "agentmetrics-dashboard-" + stem(name));
      metadata.putObject("labels").put(DASHBOARD_LABEL, "1");
      metadata.putObject("annotations").put(FOLDER_ANNOTATION, "agentmetrics");
      configMap.putObject("data").put(name, TextFiles.read(file));
      out.append("---\n").append(Yaml.write(configMap));
    }
    return out.toString();
  }

  /** Writes both generated files. */
  public void writeAll() {
    TextFiles.write(repoRoot.resolve(PROMETHEUS_RULE_FILE), prometheusRule());
    TextFiles.write(repoRoot.resolve(DASHBOARDS_FILE), dashboardConfigMaps());
  }

  /** Regenerates the manifests: {@code KubernetesManifests [repository root]}. */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    KubernetesManifests manifests = new KubernetesManifests(root);
    manifests.writeAll();
    System.out.println(
        "wrote "
            + PROMETHEUS_RULE_FILE
            + " ("
            + manifests.ruleGroups().size()
            + " rule groups) and "
            + DASHBOARDS_FILE
            + " ("
            + manifests.dashboardFiles().size()
            + " dashboards)");
  }

  private static String stem(String fileName) {
    return fileName
        .substring(0, fileName.lastIndexOf('.'))
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-");
  }

  private static List<Path> list(Path directory, String extension) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(directory + " does not exist");
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
