package io.agentmetrics.stack.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kustomize base in {@code stack/kubernetes}: it builds, its generated files are fresh, the
 * PrometheusRule carries exactly the alerting module's rule groups, every dashboard is a ConfigMap
 * for Grafana's sidecar, and the hand-written manifests fit together.
 */
class KubernetesManifestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root = RepoFiles.root();
  private final KubernetesManifests manifests = new KubernetesManifests(RepoFiles.stackDirectory());

  @Test
  void theGeneratedFilesAreUpToDate() throws Exception {
    assertThat(
            Files.readString(
                RepoFiles.stackDirectory().resolve(KubernetesManifests.PROMETHEUS_RULE_FILE)))
        .as(
            "stale; regenerate with: "
                + KubernetesManifests.REGENERATE_COMMAND
                + " ("
                + KubernetesManifests.PROMETHEUS_RULE_FILE
                + ")")
        .isEqualTo(manifests.prometheusRule());
    assertThat(
            Files.readString(
                RepoFiles.stackDirectory().resolve(KubernetesManifests.DASHBOARDS_FILE)))
        .as(
            "stale; regenerate with: "
                + KubernetesManifests.REGENERATE_COMMAND
                + " ("
                + KubernetesManifests.DASHBOARDS_FILE
                + ")")
        .isEqualTo(manifests.dashboardConfigMaps());
  }

  @Test
  void thePrometheusRuleHoldsTheAlertingGroupsScopedForASharedPrometheus() throws Exception {
    JsonNode rule =
        Yaml.read(RepoFiles.stackDirectory().resolve(KubernetesManifests.PROMETHEUS_RULE_FILE));
    List<String> expectedGroups = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("alerting/rules"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Yaml.read(file).path("groups").forEach(g -> expectedGroups.add(g.path("name").asText()));
      }
    }
    List<String> groups = new ArrayList<>();
    Map<String, String> alertExpr = new HashMap<>();
    for (JsonNode group : rule.at("/spec/groups")) {
      groups.add(group.path("name").asText());
      group
          .path("rules")
          .forEach(r -> alertExpr.put(r.path("alert").asText(), r.path("expr").asText()));
    }

    assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
    assertThat(groups).as("rule groups of alerting/rules").isNotEmpty().isEqualTo(expectedGroups);
    assertThat(alertExpr)
        .as("kube-prometheus-stack has its own Watchdog")
        .doesNotContainKey("AgentMetricsWatchdog");
    assertThat(alertExpr.get("AgentMetricsTargetDown"))
        .as("scoped to agentmetrics' jobs by alerting/mixin/kubernetes.yaml")
        .contains(
            "count by (cluster, namespace, job) (up{job=~\"agentmetrics|agentmetrics-.+\"} == 0)")
        .doesNotContain("job!=\"\"");
  }

  @Test
  void everyDashboardIsAConfigMapForTheGrafanaSidecar() throws Exception {
    List<JsonNode> configMaps =
        Yaml.parseAll(
            Files.readString(
                RepoFiles.stackDirectory().resolve(KubernetesManifests.DASHBOARDS_FILE)));
    Map<String, JsonNode> dashboardByFile = new HashMap<>();
    for (JsonNode configMap : configMaps) {
      assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
      assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
      assertThat(configMap.at("/metadata/labels/grafana_dashboard").isTextual()).isTrue();
      assertThat(configMap.at("/metadata/name").asText()).matches("[a-z0-9-]{1,63}");
      configMap
          .path("data")
          .fields()
          .forEachRemaining(e -> dashboardByFile.put(e.getKey(), parseJson(e.getValue().asText())));
    }
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(root.resolve(KubernetesManifests.DASHBOARDS_DIRECTORY))) {
      dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }

    assertThat(dashboards).isNotEmpty();
    assertThat(dashboardByFile).hasSameSizeAs(dashboards);
    for (Path dashboard : dashboards) {
      assertThat(dashboardByFile.get(dashboard.getFileName().toString()))
          .as(dashboard.getFileName().toString())
          .isEqualTo(JSON.readTree(dashboard.toFile()));
    }
  }

  @Test
  void theHandWrittenManifestsFitTogether() {
    Map<String, JsonNode> byKind = new HashMap<>();
    for (String file : List.of("namespace.yaml", "metrics-server.yaml", "servicemonitor.yaml")) {
      for (JsonNode document : Yaml.parseAll(read("stack/kubernetes/" + file))) {
        assertThat(document.path("apiVersion").asText()).as(file).isNotEmpty();
        assertThat(document.at("/metadata/name").asText()).as(file).isNotEmpty();
        byKind.put(document.path("kind").asText(), document);
      }
    }
    JsonNode deployment = byKind.get("Deployment");
    JsonNode service = byKind.get("Service");
    JsonNode serviceMonitor = byKind.get("ServiceMonitor");
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
    JsonNode container = deployment.at("/spec/template/spec/containers/0");

    assertThat(labelsMatch(deployment.at("/spec/selector/matchLabels"), podLabels)).isTrue();
    assertThat(labelsMatch(service.at("/spec/selector"), podLabels)).isTrue();
    assertThat(
            labelsMatch(
                serviceMonitor.at("/spec/selector/matchLabels"), service.at("/metadata/labels")))
        .isTrue();
    assertThat(service.at("/spec/ports/0/name").asText())
        .isEqualTo(serviceMonitor.at("/spec/endpoints/0/port").asText())
        .isEqualTo(container.at("/ports/0/name").asText());
    assertThat(serviceMonitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
    assertThat(
            service
                .at("/metadata/labels")
                .path(serviceMonitor.at("/spec/jobLabel").asText())
                .asText())
        .as("job label, the same job name as in compose")
        .isEqualTo("agentmetrics");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
  }

  @Test
  void bothEndpointsRequireTokensFromASecretTheUserCreates() throws Exception {
    Map<String, JsonNode> byKind = new HashMap<>();
    for (String file : List.of("metrics-server.yaml", "servicemonitor.yaml")) {
      for (JsonNode document : Yaml.parseAll(read("stack/kubernetes/" + file))) {
        byKind.put(document.path("kind").asText(), document);
      }
    }
    JsonNode pod = byKind.get("Deployment").at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    Map<String, String> env = new HashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    JsonNode mount = null;
    for (JsonNode m : container.path("volumeMounts")) {
      if (m.path("name").asText().equals("credentials")) {
        mount = m;
      }
    }
    JsonNode volume = null;
    for (JsonNode v : pod.path("volumes")) {
      if (v.path("name").asText().equals("credentials")) {
        volume = v;
      }
    }
    assertThat(mount).as("the credentials volume is mounted").isNotNull();
    assertThat(volume).as("the credentials volume").isNotNull();
    String secret = volume.at("/secret/secretName").asText();
    assertThat(secret).isEqualTo("agentmetrics-credentials");
    assertThat(volume.at("/secret/optional").asBoolean(true))
        .as("pods wait for the Secret instead of starting with an open ingest")
        .isFalse();
    String dir = mount.path("mountPath").asText();
    assertThat(env)
        .containsEntry("AGENTMETRICS_INGEST_TOKEN_FILE", dir + "/ingest-token")
        .containsEntry("AGENTMETRICS_METRICS_TOKEN_FILE", dir + "/metrics-token")
        .doesNotContainKeys("AGENTMETRICS_INGEST_TOKEN", "AGENTMETRICS_METRICS_TOKEN");
    List<String> keys = new ArrayList<>();
    volume.at("/secret/items").forEach(item -> keys.add(item.path("key").asText()));
    assertThat(keys).containsExactlyInAnyOrder("ingest-token", "metrics-token");

    JsonNode scrapeAuth = byKind.get("ServiceMonitor").at("/spec/endpoints/0/authorization");
    assertThat(scrapeAuth.path("type").asText()).isEqualTo("Bearer");
    assertThat(scrapeAuth.at("/credentials/name").asText()).isEqualTo(secret);
    assertThat(scrapeAuth.at("/credentials/key").asText()).isEqualTo("metrics-token");

    try (Stream<Path> files = Files.walk(root.resolve("stack/kubernetes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        for (JsonNode document : Yaml.parseAll(Files.readString(file))) {
          assertThat(document.path("kind").asText())
              .as(file + ": no Secret with a value is committed")
              .isNotEqualTo("Secret");
        }
      }
    }
  }

  @Test
  void theKustomizationListsOnlyFilesThatExist() {
    JsonNode kustomization = Yaml.parse(read("stack/kubernetes/kustomization.yaml"));
    List<String> resources = new ArrayList<>();
    kustomization.path("resources").forEach(r -> resources.add(r.asText()));

    assertThat(resources)
        .contains("generated/prometheusrule.yaml", "generated/grafana-dashboards.yaml");
    for (String resource : resources) {
      assertThat(root.resolve("stack/kubernetes").resolve(resource)).exists();
    }
  }

  @Test
  void kustomizeBuildsTheBase() {
    NativeTool.Result result = kustomize("stack/kubernetes");

    assertThat(result.exitCode()).as(result.output()).isZero();
    Map<String, Integer> kinds = new HashMap<>();
    for (JsonNode document : Yaml.parseAll(result.output())) {
      kinds.merge(document.path("kind").asText(), 1, Integer::sum);
      if (!document.path("kind").asText().equals("Namespace")) {
        assertThat(document.at("/metadata/namespace").asText()).isEqualTo("agentmetrics");
      }
      assertThat(document.at("/metadata/labels/app.kubernetes.io~1part-of").asText())
          .isEqualTo("agentmetrics");
    }
    assertThat(kinds)
        .containsEntry("Deployment", 1)
        .containsEntry("Service", 1)
        .containsEntry("ServiceMonitor", 1)
        .containsEntry("PrometheusRule", 1)
        .containsEntry("ConfigMap", Dashboards.FILE_NAMES.size());
    assertThat(result.output()).contains("image: agentmetrics/metrics-server:0.1.0-SNAPSHOT");
  }

  @Test
  void theServersHeapIsTheTestedOneAndLeavesRoomForTheRestOfTheJvm() {
    JsonNode container =
        Yaml.parseAll(read("stack/kubernetes/metrics-server.yaml")).stream()
            .filter(d -> d.path("kind").asText().equals("Deployment"))
            .findFirst()
            .orElseThrow()
            .at("/spec/template/spec/containers/0");
    String options = "";
    for (JsonNode env : container.path("env")) {
      if (env.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
        options = env.path("value").asText();
      }
    }
    java.util.regex.Matcher percentage =
        java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
    assertThat(percentage.find()).as(options).isTrue();
    String limit = container.at("/resources/limits/memory").asText();
    assertThat(limit).endsWith("Mi");
    long limitMi = Long.parseLong(limit.replace("Mi", ""));
    long heapMi = limitMi * Long.parseLong(percentage.group(1)) / 100;

    // FixedHeapIT runs the jar with -Xmx384m; the rest of the JVM commits about 135 MiB with the
    // heap in use (docs/performance.md, "Memory of the server").
    assertThat(heapMi).as("heap of " + limit + " at " + options).isEqualTo(384);
    assertThat(limitMi - heapMi).as("room for the rest of the JVM").isGreaterThanOrEqualTo(200);
    assertThat(container.at("/resources/requests/memory").asText()).isEqualTo(limit);
  }

  @Test
  void theKubePrometheusStackOverlayLabelsWhatTheChartsPrometheusSelects() {
    NativeTool.Result base = kustomize("stack/kubernetes");
    NativeTool.Result overlay = kustomize("stack/kube-prometheus-stack");

    assertThat(overlay.exitCode()).as(overlay.output()).isZero();
    List<JsonNode> documents = Yaml.parseAll(overlay.output());
    assertThat(documents).hasSameSizeAs(Yaml.parseAll(base.output()));
    for (JsonNode document : documents) {
      String kind = document.path("kind").asText();
      JsonNode release = document.at("/metadata/labels/release");
      if (kind.equals("ServiceMonitor") || kind.equals("PrometheusRule")) {
        assertThat(release.asText()).as(kind).isEqualTo("kube-prometheus-stack");
      } else {
        assertThat(release.isMissingNode()).as(kind + " needs no release label").isTrue();
      }
    }
  }

  @Test
  void theChartValuesMakeGrafanaReadTheFolderAnnotationTheConfigMapsCarry() throws Exception {
    JsonNode dashboards =
        Yaml.read(root.resolve("stack/kube-prometheus-stack/values.yaml"))
            .at("/grafana/sidecar/dashboards");

    assertThat(dashboards.path("folderAnnotation").asText())
        .isEqualTo(KubernetesManifests.FOLDER_ANNOTATION);
    assertThat(dashboards.at("/provider/foldersFromFilesStructure").asBoolean()).isTrue();
    for (JsonNode configMap :
        Yaml.parseAll(
            Files.readString(
                RepoFiles.stackDirectory().resolve(KubernetesManifests.DASHBOARDS_FILE)))) {
      assertThat(configMap.at("/metadata/annotations").has(KubernetesManifests.FOLDER_ANNOTATION))
          .isTrue();
    }
  }

  /** {@code kubectl kustomize} of a directory of the repository. */
  private NativeTool.Result kustomize(String directory) {
    return NativeTool.run(
        List.of(requireKubectl().toString(), "kustomize", root.resolve(directory).toString()),
        null);
  }

  private static Path requireKubectl() {
    Optional<Path> kubectl = NativeTool.find("kubectl");
    if (kubectl.isPresent()) {
      return kubectl.get();
    }
    String message =
        "kubectl is not installed: install kubectl 1.22 or newer (it has kustomize built in), from"
            + " the Kubernetes apt repository; Debian's kubernetes-client is 1.20, too old"
            + " (or pass -Dagentmetrics.skipNativeTools=true to skip this test)";
    if (Boolean.getBoolean("agentmetrics.skipNativeTools")) {
      Assumptions.abort(message);
    }
    throw new AssertionError(message);
  }

  private static boolean labelsMatch(JsonNode selector, JsonNode labels) {
    if (selector.size() == 0) {
      return false;
    }
    var fields = selector.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (!entry.getValue().equals(labels.path(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private String read(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (Exception e) {
      throw new AssertionError("cannot read " + relative, e);
    }
  }

  private static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + e.getMessage(), e);
    }
  }
}
