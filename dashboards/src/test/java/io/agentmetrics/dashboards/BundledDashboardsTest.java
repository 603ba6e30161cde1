package io.agentmetrics.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.dashboards.lint.LintProblem;
import io.agentmetrics.dashboards.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundledDashboardsTest {

  @Test
  void everyBundledDashboardPassesEveryLintRule() {
    List<LintProblem> problems = Linter.standard().lint(Dashboards.loadAll());

    assertThat(problems)
        .describedAs(String.join("\n", problems.stream().map(Object::toString).toList()))
        .isEmpty();
  }

  @Test
  void theListOfBundledFilesMatchesTheResourceDirectory() throws IOException {
    Path dir =
        Path.of(System.getProperty("agentmetrics.repoRoot"))
            .resolve("dashboards/src/main/resources")
            .resolve(Dashboards.RESOURCE_DIRECTORY);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(Dashboards.FILE_NAMES);
    }
  }

  @Test
  void dashboardsUseTheCurrentGrafanaSchema() {
    for (Dashboard d : Dashboards.loadAll()) {
      assertThat(d.json().path("schemaVersion").asInt()).isBetween(39, 41);
      assertThat(d.panels())
          .allSatisfy(
              p ->
                  assertThat(p.type())
                      .isIn("timeseries", "stat", "gauge", "table", "piechart", "bargauge"));
      assertThat(d.editable()).isFalse();
    }
  }
}
