package io.agentmetrics.examples.springai;

import io.agentmetrics.dashboards.doctor.AgentDashboardsCheck;
import io.agentmetrics.dashboards.doctor.PrometheusProcess;
import io.agentmetrics.standin.OpenAiStandin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring AI example's own traffic, not the demo: the Spring Boot application (Spring AI's
 * OpenAI starter pointed at the stand-in provider, 429 and 503 on a schedule) is asked questions
 * over its HTTP API, a real Prometheus scrapes its {@code /metrics} (Actuator), and the dashboards
 * doctor queries every panel of the LLM, tools, RAG/cache, cost and agents dashboards, and of the
 * Application HTTP dashboard (Spring Boot's own {@code http.server.requests}, with the starter's
 * buckets).
 */
class SupportAgentIT {

  @TempDir Path dir;

  @Test
  void everyPanelOfTheAgentDashboardsHasDataFromTheAgentsOwnTraffic() throws Exception {
    try (OpenAiStandin standin = OpenAiStandin.builder().failEvery(13, 17).build().start(0)) {
      List<String> arguments = new ArrayList<>(SupportAgentApplication.standinArguments(standin));
      arguments.add("--server.port=" + freePort()); // its MCP client connects to its own server
      arguments.add("--server.address=127.0.0.1");
      try (ConfigurableApplicationContext app =
          SpringApplication.run(SupportAgentApplication.class, arguments.toArray(String[]::new))) {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        SupportAgent agent = app.getBean(SupportAgent.class);
        Thread conversation = new Thread(() -> ask(base, agent), "conversation");
        conversation.setDaemon(true);
        conversation.start();
        try (PrometheusProcess prometheus =
            PrometheusProcess.start(dir, SupportAgent.NAME, base.substring("http://".length()))) {
          System.out.println(
              AgentDashboardsCheck.assertEveryPanelHasData(
                  prometheus.uri(),
                  withApplicationHttp(),
                  Map.ofEntries(
                      Map.entry("Workflow duration p95", NO_WORKFLOWS),
                      Map.entry("Workflow step duration p95", NO_WORKFLOWS),
                      Map.entry("Tokens per second by workflow step", NO_WORKFLOWS),
                      Map.entry("Cost per hour by workflow step", NO_WORKFLOWS),
                      Map.entry("Guardrail checks per second by outcome", NO_GUARDRAILS),
                      Map.entry("Guardrail interventions by guardrail and agent", NO_GUARDRAILS),
                      Map.entry("Guardrail intervention ratio", NO_GUARDRAILS),
                      Map.entry("Calls blocked by guardrails", NO_GUARDRAILS),
                      Map.entry("$guardrail", NO_GUARDRAILS),
                      Map.entry("Sessions ended per minute", ONE_SESSION),
                      Map.entry("Session duration", ONE_SESSION))));
        } finally {
          conversation.interrupt();
        }
      }
    }
  }

  private static final String NO_WORKFLOWS =
      "Spring AI has no workflows of agents (a ChatClient is one agent); the LangChain4j"
          + " example's agentic refund review fills these panels";

  private static final String ONE_SESSION =
      "Spring AI's MCP client starter keeps one session per connection for the application's"
          + " life: it ends at shutdown, after the test looks; the LangChain4j example, a session"
          + " per conversation, fills these panels";

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static final String NO_GUARDRAILS =
      "Spring AI has no guardrail that reports its checks (SafeGuardAdvisor answers a fixed"
          + " refusal and tells no one); the LangChain4j example fills these panels";

  /**
   * The agent dashboards and the Application HTTP dashboard, which Spring Boot's own timer fills.
   */
  private static List<String> withApplicationHttp() {
    List<String> dashboards = new ArrayList<>(AgentDashboardsCheck.AGENT_DASHBOARDS);
    dashboards.add("application-http.json");
    return dashboards;
  }

  /**
   * Asks the scripted questions over the application's HTTP API until interrupted, every other one
   * streamed, with a fresh answer cache each round (as {@link Conversation} does).
   */
  private static void ask(String base, SupportAgent agent) {
    HttpClient http = HttpClient.newHttpClient();
    while (!Thread.currentThread().isInterrupted()) {
      agent.clearCache();
      boolean stream = false;
      for (String question : Conversation.SCRIPT) {
        stream = !stream;
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"question\":\"" + question + "\",\"stream\":" + stream + "}"))
                .build();
        try {
          http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (java.io.IOException e) {
          // the application is stopping
          return;
        }
      }
    }
  }
}
