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
                      .isIn(
                          "timeseries", "stat", "gauge", "table", "piechart", "bargauge", "logs"));
      assertThat(d.editable()).isFalse();
    }
  }

  @Test
  void theOverviewShowsTheServersLogsFromLokiFilteredLikeItsMetrics() {
    Dashboard d = Dashboards.load("agents-overview.json");
    Variable loki = d.variable("loki_datasource").orElseThrow();
    assertThat(loki.type()).isEqualTo("datasource");
    assertThat(loki.query()).isEqualTo(Dashboard.LOKI);
    List<Panel> logs = d.panels().stream().filter(p -> p.type().equals("logs")).toList();
    assertThat(logs).extracting(Panel::title).containsExactly("Server logs");
    Panel panel = logs.get(0);
    assertThat(panel.datasourceUid()).isEqualTo("${loki_datasource}");
    assertThat(panel.targets()).hasSize(1);
    Target target = panel.targets().get(0);
    assertThat(d.datasourceType(panel, target)).isEqualTo(Dashboard.LOKI);
    assertThat(target.expr()).isEqualTo("{job=~\"$job\", instance=~\"$instance\"}");
    // The only non-Prometheus target of the bundled dashboards.
    long others =
        Dashboards.loadAll().stream()
            .flatMap(
                b ->
                    b.panels().stream()
                        .flatMap(p -> p.targets().stream().filter(t -> !b.isPrometheus(p, t))))
            .count();
    assertThat(others).isEqualTo(1);
  }

  @Test
  void theServersLokiAppenderSendsTheLabelsTheLogsPanelFiltersOn() throws IOException {
    String logback =
        Files.readString(
            Path.of(System.getProperty("agentmetrics.repoRoot"))
                .resolve("metrics-server/src/main/resources/logback-loki.xml"));
    String labels = logback.substring(logback.indexOf("<labels>"), logback.indexOf("</labels>"));
    assertThat(labels.lines().map(String::trim))
        .anySatisfy(line -> assertThat(line).startsWith("job = "))
        .anySatisfy(line -> assertThat(line).startsWith("instance = "));
  }
}
