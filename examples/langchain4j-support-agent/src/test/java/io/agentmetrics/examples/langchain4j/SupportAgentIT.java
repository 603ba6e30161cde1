package io.agentmetrics.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.doctor.Doctor;
import io.agentmetrics.dashboards.doctor.DoctorOptions;
import io.agentmetrics.dashboards.doctor.DoctorReport;
import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.dashboards.doctor.PrometheusProcess;
import io.agentmetrics.dashboards.doctor.TargetCheck;
import io.agentmetrics.standin.OpenAiStandin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example agent's own traffic, not the demo: the agent converses with the stand-in provider
 * (429 and 503 on a schedule), a real Prometheus scrapes its metrics server, and the dashboards
 * doctor finds data for every panel of the LLM, tools, RAG/cache, cost and agents dashboards.
 */
class SupportAgentIT {

  private static final List<String> DASHBOARDS =
      List.of(
          "llm-calls-tokens.json",
          "tools-skills.json",
          "rag-caches.json",
          "cost.json",
          "agents-overview.json");

  @TempDir Path dir;

  @Test
  void everyPanelOfTheAgentDashboardsHasDataFromTheAgentsOwnTraffic() throws Exception {
    try (OpenAiStandin standin =
            OpenAiStandin.builder()
                .failEvery(13, 17)
                .firstChunkDelay(Duration.ZERO)
                .build()
                .start(0);
        Main.Running agent =
            Main.start(
                new Endpoint(
                    standin.baseUrl() + "/v1",
                    UUID.randomUUID().toString(),
                    Endpoint.DEFAULT_MODEL),
                0)) {
      Thread conversation =
          new Thread(() -> Conversation.run(agent.agent(), Main.SCRIPT, 0), "conversation");
      conversation.setDaemon(true);
      conversation.start();
      try (PrometheusProcess prometheus =
          PrometheusProcess.start(dir, SupportAgent.NAME, "127.0.0.1:" + agent.server().port())) {
        List<Dashboard> dashboards = DASHBOARDS.stream().map(Dashboards::load).toList();
        AtomicReference<List<TargetCheck>> last = new AtomicReference<>(List.of());
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(2))
            .untilAsserted(
                () -> {
                  Doctor doctor =
                      new Doctor(
                          new PrometheusClient(prometheus.uri(), Duration.ofSeconds(10)),
                          DoctorOptions.lastRange(Duration.ofMinutes(5), "1s"));
                  List<TargetCheck> checks = doctor.examine(dashboards);
                  last.set(checks);
                  List<TargetCheck> missing = DoctorReport.failures(checks);
                  assertThat(missing).as(DoctorReport.table(missing)).isEmpty();
                });
        System.out.println(DoctorReport.table(last.get()));
      } finally {
        conversation.interrupt();
      }
    }
  }
}
