package io.agentmetrics.stack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose's default Alertmanager configuration: generated from the alerting module's, with its
 * routing and inhibitions and no integration, accepted by the real amtool without any secret file.
 */
class SilentAlertmanagerConfigTest {

  private final Path source = RepoFiles.resolve(SilentAlertmanagerConfig.SOURCE);
  private final Path generated = RepoFiles.stackDirectory().resolve(SilentAlertmanagerConfig.FILE);

  @Test
  void theGeneratedFileIsUpToDate() throws Exception {
    assertThat(Files.readString(generated))
        .as(
            "stale; regenerate with: "
                + io.agentmetrics.stack.config.GeneratedHeader.REGENERATE_COMMAND
                + " ("
                + SilentAlertmanagerConfig.FILE
                + ")")
        .isEqualTo(SilentAlertmanagerConfig.render(Files.readString(source)));
  }

  @Test
  void itRoutesAndInhibitsAsTheSourceAndSendsNothing() {
    JsonNode original = Yaml.read(source);
    JsonNode silent = Yaml.read(generated);

    assertThat(silent.path("route")).isEqualTo(original.path("route"));
    assertThat(silent.path("inhibit_rules")).isEqualTo(original.path("inhibit_rules"));
    assertThat(names(silent.path("receivers"))).isEqualTo(names(original.path("receivers")));
    for (JsonNode receiver : silent.path("receivers")) {
      assertThat(receiver.size()).as(receiver.toString()).isEqualTo(1);
    }
    assertThat(Yaml.write(silent))
        .doesNotContain("_file", "smtp", "example.org", "alert-webhook", "deadmansswitch:8080");
  }

  @Test
  void amtoolAcceptsItWithNoSecretFilePresent(@TempDir Path dir) throws Exception {
    Path amtool = NativeTool.require("amtool", "prometheus-alertmanager");
    Path copy = Files.copy(generated, dir.resolve("alertmanager.yml"));

    NativeTool.Result result =
        NativeTool.run(List.of(amtool.toString(), "check-config", copy.toString()), null);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void renderRefusesWhatIsNotAMapping() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SilentAlertmanagerConfig.render("- a\n- b\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YAML mapping");
  }

  private static List<String> names(JsonNode receivers) {
    List<String> names = new ArrayList<>();
    receivers.forEach(r -> names.add(r.path("name").asText()));
    return names;
  }
}
