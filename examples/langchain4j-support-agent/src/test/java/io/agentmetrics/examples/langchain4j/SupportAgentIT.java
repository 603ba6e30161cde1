package io.agentmetrics.examples.langchain4j;

import io.agentmetrics.dashboards.doctor.AgentDashboardsCheck;
import io.agentmetrics.dashboards.doctor.PrometheusProcess;
import io.agentmetrics.standin.OpenAiStandin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example agent's own traffic, not the demo: the agent converses with the stand-in provider
 * (429 and 503 on a schedule), a real Prometheus scrapes its metrics server, and the dashboards
 * doctor finds data for every panel of the LLM, tools, RAG/cache, quality, MCP, cost and agents
 * dashboards.
 */
class SupportAgentIT {

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
        System.out.println(
            AgentDashboardsCheck.assertEveryPanelHasData(prometheus.uri(), Map.of()));
      } finally {
        conversation.interrupt();
      }
    }
  }
}
