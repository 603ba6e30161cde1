package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One list of the published artifacts: the modules that attach sources and javadoc jars are exactly
 * the artifacts {@code agentmetrics-bom} manages.
 */
class PublishedArtifactsTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");

  @Test
  void theBomManagesExactlyTheModulesThatAttachSourcesAndJavadoc() throws IOException {
    Set<String> published = new TreeSet<>();
    try (Stream<Path> poms = Files.walk(ROOT, 3)) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
        if (pom.toString().contains("/src/") || pom.toString().contains("/target/")) {
          continue;
        }
        String text = Files.readString(pom);
        if (text.contains("<artifactId>maven-javadoc-plugin</artifactId>")
            && !pom.normalize().equals(ROOT.resolve("pom.xml").normalize())) {
          published.add(ownArtifactId(text));
        }
      }
    }
    Set<String> managed = new TreeSet<>();
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    String dependencies =
        bom.substring(
            bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    Matcher artifacts = ARTIFACT_ID.matcher(dependencies);
    while (artifacts.find()) {
      managed.add(artifacts.group(1));
    }
    assertThat(published)
        .as(
            "modules with sources and javadoc jars; add a new published module to bom/pom.xml,"
                + " or give a module in the BOM the source and javadoc plugins")
        .isNotEmpty()
        .isEqualTo(managed);
  }

  /** The module's own artifactId: the first one after its parent block. */
  private static String ownArtifactId(String pom) {
    Matcher matcher = ARTIFACT_ID.matcher(pom.substring(pom.indexOf("</parent>")));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
