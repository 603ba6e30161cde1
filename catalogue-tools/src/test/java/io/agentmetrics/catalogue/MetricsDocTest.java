package io.agentmetrics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/metrics.md is what the catalogue generates. Regenerate it with {@value
 * MetricsDocGenerator#REGENERATE}.
 */
class MetricsDocTest {

  @TempDir Path dir;

  @Test
  void committedDocsMatchTheCatalogue() throws IOException {
    String root = System.getProperty("agentmetrics.repoRoot");
    assertThat(root).as("system property agentmetrics.repoRoot (set by Surefire)").isNotBlank();
    Path doc = Path.of(root, "docs", "metrics.md");
    String generated = MetricsDocGenerator.generate();

    if (Boolean.getBoolean("agentmetrics.regenerateDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, generated, StandardCharsets.UTF_8);
    }

    String committed = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    if (!committed.equals(generated)) {
      throw new AssertionError(
          doc
              + " differs from what the catalogue generates ("
              + firstDifference(committed, generated)
              + "). Regenerate it with: "
              + MetricsDocGenerator.REGENERATE);
    }
  }

  @Test
  void everyMetricAndEveryConceptIsInTheDocs() {
    String generated = MetricsDocGenerator.generate();
    for (MetricDefinition metric : QueryCatalogue.all()) {
      assertThat(generated).contains("### `" + metric.prometheusName() + "`");
      for (String series : metric.seriesNames()) {
        assertThat(generated).contains("`" + series + "`");
      }
    }
    for (SourceConcepts.Concept concept : SourceConcepts.all()) {
      assertThat(generated).contains("| " + concept.concept() + " |");
    }
  }

  @Test
  void everyExampleQueryIsValidPromql() throws IOException {
    Path promtool = NativeTool.require("promtool", "prometheus");
    StringBuilder rules = new StringBuilder("groups:\n  - name: examples\n    rules:\n");
    int i = 0;
    for (MetricDefinition metric : QueryCatalogue.all()) {
      String example = MetricsDocGenerator.example(metric);
      assertThat(example).contains(metric.seriesNames().get(0).replaceAll("_(bucket|total)$", ""));
      rules
          .append("      - record: example:")
          .append(i++)
          .append("\n        expr: '")
          .append(example.replace("'", "''"))
          .append("'\n");
    }
    Path file = dir.resolve("examples.yml");
    Files.writeString(file, rules);

    NativeTool.Result result =
        NativeTool.run(List.of(promtool.toString(), "check", "rules", file.toString()), null);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  private static String firstDifference(String committed, String generated) {
    List<String> a = committed.lines().toList();
    List<String> b = generated.lines().toList();
    for (int line = 0; line < Math.max(a.size(), b.size()); line++) {
      String left = line < a.size() ? a.get(line) : "<end of file>";
      String right = line < b.size() ? b.get(line) : "<end of file>";
      if (!left.equals(right)) {
        return "first at line "
            + (line + 1)
            + ": committed '"
            + left
            + "', generated '"
            + right
            + "'";
      }
    }
    return "line endings differ";
  }
}
