package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.doctor.Doctor;
import io.agentmetrics.dashboards.doctor.DoctorOptions;
import io.agentmetrics.dashboards.doctor.DoctorReport;
import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.dashboards.doctor.TargetCheck;
import io.agentmetrics.integration.stack.Stack;
import io.agentmetrics.integration.support.GrafanaApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario a: every panel target of every bundled dashboard returns data once the demo server has
 * been scraped enough, through the dashboards module's doctor (Grafana's interpolation against
 * Prometheus' query_range API) and, where Grafana runs, through Grafana itself.
 */
@Order(2)
@DisplayName("a. Dashboards have data")
@ExtendWith(EndToEnd.class)
class DashboardsIT {

  @Test
  @DisplayName("the doctor finds data for every panel target and variable against Prometheus")
  void everyPanelTargetHasDataInPrometheus(Environment environment) {
    environment.note(assertEveryTargetHasData(environment.stack().prometheus()));
  }

  @Test
  @DisplayName("Grafana provisions every dashboard and answers every panel query with data")
  void everyPanelTargetHasDataThroughGrafana(Environment environment) {
    Stack.Grafana grafana =
        environment
            .stack()
            .grafana()
            .orElseThrow(
                () -> {
                  Assumptions.abort(
                      "Grafana runs only on the Testcontainers backend (it has no Debian package);"
                          + " the "
                          + environment.stack().backend().label()
                          + " backend checks the same queries with the doctor");
                  return new IllegalStateException();
                });
    GrafanaApi api = new GrafanaApi(grafana);
    List<Dashboard> dashboards = agentmetricsDashboards();
    await("every dashboard provisioned")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Set<String> found = new TreeSet<>(api.searchDashboardUids());
              for (Dashboard dashboard : dashboards) {
                assertThat(found).as("/api/search").contains(dashboard.uid());
                JsonNode meta = api.dashboard(dashboard.uid()).path("meta");
                assertThat(meta.path("provisioned").asBoolean())
                    .as(dashboard.uid() + " meta.provisioned")
                    .isTrue();
              }
            });
    String datasourceUid = api.defaultPrometheusUid();
    await("every Grafana panel query has data")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              List<TargetCheck> checks = api.runPanelQueries(dashboards, datasourceUid);
              assertThat(checks).isNotEmpty();
              assertThat(DoctorReport.failed(checks))
                  .as(DoctorReport.table(failures(checks)))
                  .isFalse();
              environment.note(
                  count(checks, TargetCheck.Status.OK)
                      + " panel queries through /api/ds/query, all with data; "
                      + skippedNote(checks)
                      + "; "
                      + dashboards.size()
                      + " dashboards provisioned");
            });
  }

  /**
   * Runs the doctor on every bundled dashboard until every check is OK (or times out); returns a
   * summary for the report.
   */
  static String assertEveryTargetHasData(URI prometheusCompatible) {
    List<Dashboard> dashboards = agentmetricsDashboards();
    assertThat(dashboards).hasSize(Dashboards.FILE_NAMES.size() - 1);
    List<List<TargetCheck>> last = new java.util.ArrayList<>(List.of(List.of()));
    await("every panel target has data at " + prometheusCompatible)
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Doctor doctor =
                  new Doctor(
                      new PrometheusClient(prometheusCompatible, Duration.ofSeconds(10)),
                      DoctorOptions.lastRange(
                          Duration.ofMinutes(5), Environment.INTERVAL.toSeconds() + "s"));
              List<TargetCheck> checks = doctor.examine(dashboards);
              last.set(0, checks);
              long panelTargets =
                  checks.stream()
                      .filter(c -> !c.refId().isEmpty())
                      .filter(c -> c.status() != TargetCheck.Status.SKIPPED)
                      .count();
              assertThat(panelTargets).as("panel targets checked").isPositive();
              assertThat(DoctorReport.failed(checks))
                  .as(DoctorReport.table(failures(checks)))
                  .isFalse();
            });
    return summary(last.get(0));
  }

  /**
   * Every bundled dashboard the metrics server fills: all but Infrastructure, whose data comes from
   * the node, PostgreSQL and Redis exporters (stack's RunLocalInfrastructureIT checks it against
   * real ones).
   */
  static List<Dashboard> agentmetricsDashboards() {
    return Dashboards.loadAll().stream()
        .filter(d -> !d.fileName().equals(Dashboards.INFRASTRUCTURE))
        .toList();
  }

  private static String summary(List<TargetCheck> checks) {
    long variables = checks.stream().filter(c -> c.refId().isEmpty()).count();
    long skipped = count(checks, TargetCheck.Status.SKIPPED);
    return (checks.size() - variables - skipped)
        + " panel targets and "
        + variables
        + " variable queries of "
        + (Dashboards.FILE_NAMES.size() - 1)
        + " dashboards (Infrastructure is RunLocalInfrastructureIT's), all with data; "
        + skippedNote(checks);
  }

  /** The targets not run against Prometheus (Loki's logs), named so the report shows them. */
  private static String skippedNote(List<TargetCheck> checks) {
    List<String> skipped =
        checks.stream()
            .filter(c -> c.status() == TargetCheck.Status.SKIPPED)
            .map(c -> c.panel() + " (" + c.message() + ")")
            .toList();
    return skipped.size()
        + " skipped"
        + (skipped.isEmpty() ? "" : ": " + String.join(", ", skipped));
  }

  private static long count(List<TargetCheck> checks, TargetCheck.Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  private static List<TargetCheck> failures(List<TargetCheck> checks) {
    return DoctorReport.failures(checks);
  }
}
