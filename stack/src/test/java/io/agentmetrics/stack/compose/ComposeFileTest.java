package io.agentmetrics.stack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeFileTest {

  @Test
  void resolvesContainerPathsThroughTheLongestBindMount(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"),
            """
            services:
              prometheus:
                volumes:
                  - ./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro
                  - ../alerting/rules:/etc/prometheus/rules:ro
                  - ./etc:/etc/prometheus
                  - prometheus-data:/prometheus
                  - type: bind
                    source: ./long
                    target: /opt/long/
                    read_only: true
                  - type: volume
                    source: other
                    target: /other
              empty: {}
            volumes:
              prometheus-data:
              other:
            """);

    ComposeFile compose = ComposeFile.read(file);

    assertThat(compose.services()).containsExactly("prometheus", "empty");
    assertThat(compose.hostPath("prometheus", "/etc/prometheus/prometheus.yml"))
        .contains(dir.resolve("prometheus/prometheus.yml"));
    assertThat(compose.hostPath("prometheus", "/etc/prometheus/rules/*.yaml"))
        .contains(dir.getParent().resolve("alerting/rules/*.yaml"));
    assertThat(compose.hostPath("prometheus", "/etc/prometheus/other.yml"))
        .contains(dir.resolve("etc/other.yml"));
    assertThat(compose.hostPath("prometheus", "/opt/long/x")).contains(dir.resolve("long/x"));
    assertThat(compose.hostPath("prometheus", "/prometheus/wal")).isEmpty();
    assertThat(compose.hostPath("prometheus", "/etc/prometheus-other")).isEmpty();
    assertThat(compose.hostPath("empty", "/etc")).isEmpty();
    assertThat(compose.bindMounts("prometheus")).hasSize(4);
    assertThat(compose.bindMounts("prometheus").get(1).readOnly()).isTrue();
    assertThat(compose.bindMounts("prometheus").get(2).readOnly()).isFalse();
  }
}
