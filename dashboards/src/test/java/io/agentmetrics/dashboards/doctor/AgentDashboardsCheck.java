package io.agentmetrics.dashboards.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * For the example agents' tests: the doctor against a Prometheus that scrapes an agent, on the
 * dashboards an agent's own traffic should fill (LLM, tools, RAG/cache, quality, MCP, cost,
 * agents).
 */
public final class AgentDashboardsCheck {

  /** The dashboards an agent's traffic fills; the others watch tasks, security and the server. */
  public static final List<String> AGENT_DASHBOARDS =
      List.of(
          "llm-calls-tokens.json",
          "tools-skills.json",
          "rag-caches.json",
          "quality.json",
          "mcp.json",
          "cost.json",
          "agents-overview.json");

  private AgentDashboardsCheck() {}

  /**
   * Polls the doctor (for up to two minutes) until every panel target of {@link #AGENT_DASHBOARDS}
   * has data, except the panels named in {@code gaps} (panel title to reason); then checks that
   * each gap is still a gap, so that the list cannot go stale. Returns the doctor's table.
   */
  public static String assertEveryPanelHasData(URI prometheus, Map<String, String> gaps) {
    return assertEveryPanelHasData(prometheus, AGENT_DASHBOARDS, gaps);
  }

  /** As {@link #assertEveryPanelHasData(URI, Map)}, on the dashboards named (file names). */
  public static String assertEveryPanelHasData(
      URI prometheus, List<String> dashboardFiles, Map<String, String> gaps) {
    return assertEveryPanelHasData(prometheus, dashboardFiles, gaps, Map.of());
  }

  /**
   * As {@link #assertEveryPanelHasData(URI, List, Map)}, with variables chosen as a user would
   * ({@code instance}: one of several servers that Prometheus scrapes); the others at "All".
   */
  public static String assertEveryPanelHasData(
      URI prometheus,
      List<String> dashboardFiles,
      Map<String, String> gaps,
      Map<String, List<String>> selections) {
    List<Dashboard> dashboards = dashboardFiles.stream().map(Dashboards::load).toList();
    AtomicReference<List<TargetCheck>> last = new AtomicReference<>(List.of());
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Doctor doctor =
                  new Doctor(
                      new PrometheusClient(prometheus, Duration.ofSeconds(10)),
                      DoctorOptions.lastRange(Duration.ofMinutes(5), "1s")
                          .withSelections(selections));
              List<TargetCheck> checks = doctor.examine(dashboards);
              last.set(checks);
              List<TargetCheck> missing =
                  DoctorReport.failures(checks).stream()
                      .filter(check -> !gaps.containsKey(check.panel()))
                      .toList();
              assertThat(missing).as(DoctorReport.table(missing)).isEmpty();
            });
    assertThat(DoctorReport.failures(last.get()).stream().map(TargetCheck::panel).distinct())
        .as("the named gaps that still have no data")
        .containsExactlyInAnyOrderElementsOf(gaps.keySet());
    return DoctorReport.table(last.get());
  }
}
