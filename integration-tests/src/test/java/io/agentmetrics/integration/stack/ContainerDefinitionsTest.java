package io.agentmetrics.integration.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.stack.config.Yaml;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.MountableFile;

/**
 * The Testcontainers backend's container definitions, checked without Docker (they are only
 * defined, never started): pinned images from the compose file, aliases that match the URLs of the
 * provisioned Grafana datasources, the files each container gets, and Grafana's generated password.
 */
class ContainerDefinitionsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("agentmetrics.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path COMPOSE = ROOT.resolve("stack/compose.yaml");

  private final ContainerDefinitions definitions =
      new ContainerDefinitions(COMPOSE, Network.newNetwork());

  @Test
  void imagesAreTheOnesComposePins() {
    JsonNode services = Yaml.read(COMPOSE).path("services");
    for (String service : List.of("prometheus", "alertmanager", "grafana")) {
      String pinned = services.path(service).path("image").asText();
      assertThat(definitions.image(service).asCanonicalNameString()).endsWith(pinned);
      assertThat(definitions.image(service).getVersionPart()).isNotIn("latest", "");
    }
  }

  @Test
  void grafanaGetsTheProvisioningTheDashboardsAndAGeneratedPassword() {
    String password = TestcontainersStack.generatedPassword();
    GenericContainer<?> grafana = definitions.grafana(password);

    assertThat(password).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo("admin");
    assertThat(TestcontainersStack.generatedPassword()).isNotEqualTo(password);
    assertThat(grafana.getEnvMap())
        .containsEntry("GF_SECURITY_ADMIN_PASSWORD", password)
        .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
        .containsEntry("GF_USERS_ALLOW_SIGN_UP", "false");
    Map<String, Path> copies = copies(grafana);
    assertThat(copies)
        .containsEntry(
            "/var/lib/grafana/dashboards/agentmetrics",
            ROOT.resolve("dashboards/src/main/resources/io/agentmetrics/dashboards/grafana"))
        .containsEntry(
            "/etc/grafana/provisioning/datasources/agentmetrics.yaml",
            ROOT.resolve("stack/grafana/provisioning/datasources/datasources.yaml"))
        .containsKey("/etc/grafana/provisioning/dashboards");
    assertThat(grafana.getNetworkAliases()).contains("grafana");
  }

  @Test
  void theDatasourceUrlsReachTheContainersByTheirAliases(@TempDir Path dir) {
    GenericContainer<?> prometheus =
        definitions.prometheus("prometheus", "global: {}\n", ROOT.resolve("alerting/rules"));
    GenericContainer<?> alertmanager = definitions.alertmanager("route: {}\n", dir);
    JsonNode datasources =
        Yaml.read(ROOT.resolve("stack/grafana/provisioning/datasources/datasources.yaml"))
            .path("datasources");
    Map<String, String> hostByType = new HashMap<>();
    datasources.forEach(
        d -> hostByType.put(d.path("type").asText(), URI.create(d.path("url").asText()).getHost()));

    assertThat(prometheus.getNetworkAliases()).contains(hostByType.get("prometheus"));
    assertThat(alertmanager.getNetworkAliases()).contains(hostByType.get("alertmanager"));
    assertThat(copies(prometheus))
        .containsEntry("/etc/prometheus/rules", ROOT.resolve("alerting/rules"))
        .doesNotContainKey("/etc/prometheus/config/prometheus.yml");
    assertThat(prometheus.getCommandParts())
        .contains("--config.file=/etc/prometheus/config/prometheus.yml");
    assertThat(copies(alertmanager))
        .containsEntry("/etc/alertmanager/secrets", dir)
        .doesNotContainKey("/etc/alertmanager/notifying/alertmanager.yml");
    assertThat(alertmanager.getCommandParts()).contains("--cluster.listen-address=");
  }

  private static Map<String, Path> copies(GenericContainer<?> container) {
    Map<String, Path> byContainerPath = new HashMap<>();
    for (Map.Entry<MountableFile, String> copy :
        container.getCopyToFileContainerPathMap().entrySet()) {
      byContainerPath.put(copy.getValue(), Path.of(copy.getKey().getResolvedPath()));
    }
    return byContainerPath;
  }
}
