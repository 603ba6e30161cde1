package io.agentmetrics.integration.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.integration.support.TestConfigs;
import io.agentmetrics.stack.compose.ComposeFile;
import io.agentmetrics.stack.config.Yaml;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configurations each backend derives from the stack's files: the compose copy the native
 * backend hands to LocalStack, and the container configurations of the Testcontainers backend
 * (which cannot run without Docker, so promtool and amtool check them here).
 */
class ConfigsForBackendsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("agentmetrics.repoRoot", "..")).toAbsolutePath().normalize();

  @Test
  void theDerivedComposeMountsTheTestCopiesAndEverythingElseAsBefore(@TempDir Path dir) {
    Path rules = dir.resolve("rules");
    Path alertmanager = dir.resolve("notifying");
    Path real = ROOT.resolve("stack/compose.yaml");
    Path copy =
        DerivedCompose.write(
            real,
            Map.of("/etc/prometheus/rules", rules, "/etc/alertmanager/notifying", alertmanager),
            dir.resolve("compose.yaml"));

    ComposeFile before = ComposeFile.read(real);
    ComposeFile after = ComposeFile.read(copy);
    assertThat(after.hostPath("prometheus", "/etc/prometheus/rules/agents.yaml"))
        .contains(rules.resolve("agents.yaml"));
    assertThat(after.hostPath("alertmanager", "/etc/alertmanager/notifying/alertmanager.yml"))
        .contains(alertmanager.resolve("alertmanager.yml"));
    assertThat(after.hostPath("prometheus", "/etc/prometheus/config/prometheus.yml"))
        .isEqualTo(before.hostPath("prometheus", "/etc/prometheus/config/prometheus.yml"))
        .isPresent();
    assertThat(after.services()).isEqualTo(before.services());
    assertThat(after.allBindMounts()).hasSameSizeAs(before.allBindMounts());
  }

  @Test
  void theContainerConfigurationsPassPromtoolAndAmtool(@TempDir Path dir) {
    StackSpec spec =
        new StackSpec(
            ROOT,
            dir,
            ROOT.resolve("alerting/rules"),
            ROOT.resolve("alerting/alertmanager/alertmanager.yml"),
            1234,
            OptionalInt.of(8428),
            Duration.ofSeconds(1));
    String prometheus =
        ContainerConfigs.prometheus(
            spec,
            ComposeFile.read(spec.composeFile()),
            "host.testcontainers.internal:8080",
            Optional.of("host.testcontainers.internal:8428"));
    URI sink = URI.create("http://host.testcontainers.internal:1234/alertmanager");
    String alertmanager = ContainerConfigs.alertmanager(spec, sink, dir.resolve("secrets"));

    JsonNode config = Yaml.parse(prometheus);
    assertThat(config.at("/global/scrape_interval").asText()).isEqualTo("1s");
    assertThat(config.at("/rule_files/0").asText()).isEqualTo("/etc/prometheus/rules/*.yaml");
    assertThat(config.at("/remote_write/0/url").asText())
        .isEqualTo("http://host.testcontainers.internal:8428/api/v1/write");
    assertThat(prometheus).contains("host.testcontainers.internal:8080", "alertmanager:9093");
    JsonNode am = Yaml.parse(alertmanager);
    for (JsonNode receiver : am.path("receivers")) {
      assertThat(receiver.toString()).as(receiver.path("name").asText()).contains(sink.toString());
    }
    assertThat(alertmanager).doesNotContain("example.org:587", "alert-webhook:8080");

    NativeTool.require("promtool", "prometheus");
    NativeTool.require("amtool", "prometheus-alertmanager");
    Path promFile = TestConfigs.write(dir.resolve("prometheus.yml"), prometheus);
    NativeTool.Result promtool =
        NativeTool.run(List.of("promtool", "check", "config", promFile.toString()), "");
    assertThat(promtool.exitCode()).as(promtool.output()).isZero();
    Path amFile = TestConfigs.write(dir.resolve("alertmanager.yml"), alertmanager);
    NativeTool.Result amtool =
        NativeTool.run(List.of("amtool", "check-config", amFile.toString()), "");
    assertThat(amtool.exitCode()).as(amtool.output()).isZero();
  }
}
