package io.agentmetrics.stack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.stack.RepoFiles;
import org.junit.jupiter.api.Test;

/** compose.scale.yaml's Prometheus config is the stack's plus remote_write, nothing else. */
class ScaleConfigTest {

  @Test
  void theRemoteWriteConfigDiffersFromTheBaseOnlyByRemoteWrite() {
    JsonNode base = Yaml.read(RepoFiles.resolve("stack/prometheus/prometheus.yml"));
    ObjectNode scale =
        (ObjectNode) Yaml.read(RepoFiles.resolve("stack/prometheus/scale/prometheus.yml"));

    assertThat(scale.at("/remote_write/0/url").asText())
        .isEqualTo("http://victoriametrics:8428/api/v1/write");
    scale.remove("remote_write");
    assertThat(scale).isEqualTo(base);
  }

  @Test
  void theRemoteWriteConfigIsValid() {
    Promtool.assertValidConfig(RepoFiles.resolve("stack/prometheus/scale/prometheus.yml"));
  }

  @Test
  void grafanaGetsAVictoriaMetricsDatasourceWithAStableUid() {
    JsonNode datasource =
        Yaml.read(RepoFiles.resolve("stack/grafana/scale/datasources/victoriametrics.yaml"))
            .at("/datasources/0");

    assertThat(datasource.path("uid").asText()).isEqualTo("victoriametrics");
    assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
    assertThat(datasource.path("url").asText()).isEqualTo("http://victoriametrics:8428");
  }
}
