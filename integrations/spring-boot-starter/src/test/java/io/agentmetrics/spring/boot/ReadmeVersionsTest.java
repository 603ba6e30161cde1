package io.agentmetrics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The versions the READMEs tell a new user are the ones this build pins and tests (the parent POM's
 * properties), so that a version bump that forgets the README fails here.
 */
class ReadmeVersionsTest {

  private static final Path ROOT = Path.of(System.getProperty("agentmetrics.repoRoot", "../.."));

  private static String pomProperty(String pom, String name) {
    Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(value.find()).as("the parent POM's " + name).isTrue();
    return value.group(1).trim();
  }

  @Test
  void theReadmesNameTheVersionsThisBuildTests() throws Exception {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    String boot = pomProperty(pom, "spring-boot.version");
    String springAi = pomProperty(pom, "spring-ai.version");
    String langchain4j = pomProperty(pom, "langchain4j.version");
    String agentic = pomProperty(pom, "langchain4j-beta.version");
    String micrometer = pomProperty(pom, "micrometer.version");

    assertThat(Files.readString(ROOT.resolve("README.md")))
        .contains(
            "Tested with: Spring Boot "
                + boot
                + ", Spring AI "
                + springAi
                + ", LangChain4j "
                + langchain4j
                + ", Micrometer "
                + micrometer,
            "<groupId>org.springframework.ai</groupId><artifactId>spring-ai-bom</artifactId>\n"
                + "    <version>"
                + springAi
                + "</version>");
    assertThat(Files.readString(ROOT.resolve("integrations/langchain4j/README.md")))
        .contains(
            "Tested with LangChain4j " + langchain4j + " (`langchain4j-agentic` " + agentic + ")",
            "`langchain4j-mcp` " + pomProperty(pom, "langchain4j-mcp.version"));
  }
}
