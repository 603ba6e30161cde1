package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.integration.IntegrationReport.Result;
import io.agentmetrics.integration.IntegrationReport.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationReportTest {

  @Test
  void listsEachCheckWithItsBackendOrWhyItWasSkipped(@TempDir Path dir) throws Exception {
    IntegrationReport report = new IntegrationReport();
    report.fact("Backend chosen", "native");
    report.add(new Row("a. Dashboards", "doctor", "native", Result.PASSED, "131 targets"));
    report.add(new Row("a. Dashboards", "grafana", "native", Result.SKIPPED, "no Docker | none"));
    report.add(new Row("c. Alerts", "target down", "native", Result.FAILED, "line 1\nline 2"));

    String markdown = report.markdown();

    assertThat(markdown)
        .contains("- Backend chosen: native")
        .contains("| a. Dashboards | doctor | native | passed | 131 targets |")
        .contains("| a. Dashboards | grafana | skipped | skipped | no Docker \\| none |")
        .contains("| c. Alerts | target down | native | failed | line 1 line 2 |")
        .contains("3 checks: 1 passed, 1 failed, 1 skipped");
    assertThat(Files.readString(report.write(dir)))
        .contains("| c. Alerts | target down | native | failed |");
  }
}
