package io.agentmetrics.stack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What compose.yaml selects for the server's Loki logging exists in the server module. */
class ServerLoggingConfigTest {

  @Test
  void theServerHasTheLokiLogbackConfigurationComposeSelects() throws Exception {
    String selected =
        Yaml.read(RepoFiles.resolve("stack/compose.yaml"))
            .at("/services/metrics-server/environment/JAVA_TOOL_OPTIONS")
            .asText()
            .replaceAll(".*-Dlogback\\.configurationFile=(\\S+).*", "$1");
    String config =
        Files.readString(RepoFiles.resolve("metrics-server/src/main/resources/" + selected));

    assertThat(selected).isEqualTo("logback-loki.xml");
    assertThat(config)
        .contains("com.github.loki4j.logback.Loki4jAppender")
        .contains("${AGENTMETRICS_LOKI_URL")
        .contains("instance = ${AGENTMETRICS_INSTANCE");
    assertThat(Files.readString(RepoFiles.resolve("metrics-server/pom.xml")))
        .contains("<artifactId>loki-logback-appender</artifactId>");
  }
}
