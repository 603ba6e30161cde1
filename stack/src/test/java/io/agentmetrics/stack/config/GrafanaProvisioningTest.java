package io.agentmetrics.stack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.compose.ComposeFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Grafana's provisioning: the three datasources with stable uids, the dashboards in one folder. */
class GrafanaProvisioningTest {

  @Test
  void provisionsPrometheusAlertmanagerAndLokiWithStableUids() {
    JsonNode datasources =
        Yaml.read(RepoFiles.resolve("stack/grafana/provisioning/datasources/datasources.yaml"))
            .path("datasources");
    Map<String, String> typeByUid = new HashMap<>();
    datasources.forEach(ds -> typeByUid.put(ds.path("uid").asText(), ds.path("type").asText()));

    assertThat(typeByUid)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("prometheus", "prometheus", "alertmanager", "alertmanager", "loki", "loki"));
    assertThat(datasources.get(0).at("/jsonData/timeInterval").asText())
        .as("the scrape interval, for $__rate_interval")
        .isEqualTo(
            Yaml.read(RepoFiles.resolve("stack/prometheus/prometheus.yml"))
                .at("/global/scrape_interval")
                .asText());
  }

  @Test
  void provisionsTheBundledDashboardsFromTheDashboardsModuleIntoOneFolder() throws Exception {
    JsonNode provider =
        Yaml.read(RepoFiles.resolve("stack/grafana/provisioning/dashboards/dashboards.yaml"))
            .at("/providers/0");
    String containerPath = provider.at("/options/path").asText();
    ComposeFile compose = ComposeFile.read(RepoFiles.resolve("stack/compose.yaml"));
    Path hostPath = compose.hostPath("grafana", containerPath).orElseThrow();

    assertThat(provider.path("folder").asText()).isEqualTo("agentmetrics");
    assertThat(provider.at("/options/foldersFromFilesStructure").asBoolean()).isFalse();
    assertThat(hostPath).startsWith(RepoFiles.resolve("dashboards/src/main/resources"));
    try (Stream<Path> files = Files.list(hostPath)) {
      assertThat(files.filter(file -> file.toString().endsWith(".json")).count())
          .as("dashboards in " + hostPath)
          .isGreaterThanOrEqualTo(8);
    }
  }
}
