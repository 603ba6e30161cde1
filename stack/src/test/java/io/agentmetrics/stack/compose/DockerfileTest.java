package io.agentmetrics.stack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server image cannot be built here (no Docker engine); this checks what can drift statically:
 * the jar the build produces is the one the image runs, it runs as a non-root user, its health
 * check and the compose and Kubernetes ones use the server's readiness path, and the image names
 * agree.
 */
class DockerfileTest {

  private final String dockerfile = read("stack/Dockerfile");

  @Test
  void buildsTheShadedJarWithTheWrapperAndRunsItAsNonRoot() {
    String jarName = fileName(RepoFiles.SERVER_JAR);
    assertThat(read("metrics-server/pom.xml"))
        .contains("<finalName>" + jarName.replace(".jar", "") + "</finalName>");
    assertThat(dockerfile)
        .contains("./mvnw ")
        .contains("-pl metrics-server -am package")
        .contains("cp metrics-server/target/" + jarName + " ")
        .containsPattern("(?m)^USER [1-9][0-9]*$")
        .containsPattern("(?m)^CMD \\[\"--demo\"");
    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(dockerfile);
    assertThat(entrypoint.find()).isTrue();
    assertThat(entrypoint.group(1)).contains(jarName);
    assertThat(dockerfile).containsPattern("(?m)^FROM \\S+:\\S+ AS build$");
  }

  @Test
  void everyHealthCheckOfTheServerUsesItsReadinessPath() {
    JsonNode compose = Yaml.read(RepoFiles.resolve("stack/compose.yaml"));
    String readiness = "/readyz"; // what LocalStack waits for, proven by LocalStackIT

    assertThat(dockerfile).contains("http://127.0.0.1:8080" + readiness);
    assertThat(compose.at("/services/metrics-server/healthcheck/test").toString())
        .contains("http://127.0.0.1:8080" + readiness);
    assertThat(read("stack/kubernetes/metrics-server.yaml")).contains("path: " + readiness);
  }

  @Test
  void composeAndKubernetesNameTheSameImage() {
    String composeImage =
        Yaml.read(RepoFiles.resolve("stack/compose.yaml"))
            .at("/services/metrics-server/image")
            .asText();
    JsonNode kustomizeImage =
        Yaml.read(RepoFiles.resolve("stack/kubernetes/kustomization.yaml")).at("/images/0");

    assertThat(composeImage)
        .isEqualTo(
            "agentmetrics/metrics-server:${AGENTMETRICS_VERSION:-"
                + kustomizeImage.path("newTag").asText()
                + "}");
    assertThat(kustomizeImage.path("name").asText()).isEqualTo("agentmetrics/metrics-server");
    assertThat(read("stack/kubernetes/metrics-server.yaml"))
        .contains("image: " + kustomizeImage.path("name").asText() + "\n");
  }

  @Test
  void theBuildContextLeavesOutBuildOutputGitAndSecrets() {
    List<String> ignored = read(".dockerignore").lines().toList();

    assertThat(ignored).contains("**/target/", ".git/", "**/.env", "stack/secrets/");
  }

  private static String fileName(String relative) {
    return Path.of(relative).getFileName().toString();
  }

  private static String read(String relative) {
    try {
      return Files.readString(RepoFiles.resolve(relative));
    } catch (Exception e) {
      throw new AssertionError("cannot read " + relative, e);
    }
  }
}
