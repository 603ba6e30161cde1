package io.agentmetrics.examples.langchain4j;

import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.Ticker;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.core.SystemMetrics;
import io.agentmetrics.server.MetricsServer;
import io.agentmetrics.standin.OpenAiStandin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.UUID;

/**
 * Runs the support agent over a scripted conversation and serves its metrics on {@code
 * METRICS_PORT} (9466 unless set) at {@code /metrics}. Without {@code OPENAI_BASE_URL} it starts
 * the bundled stand-in provider (some answers fail with 429 and 503 on purpose); with it, it talks
 * to that provider. {@code ROUNDS} rounds of the script (0, the default, runs until stopped).
 */
public final class Main {

  /** The scripted conversation: the repeated question is served from the agent's cache. */
  static final List<String> SCRIPT =
      List.of(
          "When does order 42 ship?",
          "How long do refunds take?",
          "When does order 42 ship?",
          "Is the battery covered by the warranty?",
          "Can I call support on Sunday?",
          "My card 4111111111111111 was charged twice, why?");

  private Main() {}

  /** The running agent, the orders MCP server it asks, and its metrics server. */
  record Running(SupportAgent agent, OrdersMcpServer orders, MetricsServer server)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        orders.close();
      } finally {
        server.close();
      }
    }
  }

  /**
   * Starts the agent on {@code endpoint} and its metrics server on {@code port} (0: a free one).
   */
  static Running start(Endpoint endpoint, int port) {
    long started = Ticker.SYSTEM.nanos();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(SystemMetrics.prometheusNaming());
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
    SystemMetrics.bindTo(registry);
    MetricsServer server =
        MetricsServer.builder()
            .host("127.0.0.1")
            .port(port)
            .registry(registry)
            .metrics(metrics)
            .build()
            .start();
    OrdersMcpServer orders = OrdersMcpServer.start(metrics);
    SupportAgent agent = new SupportAgent(endpoint, orders.url(), metrics);
    metrics.budget(BudgetPeriod.DAILY, 5);
    metrics.budget(BudgetPeriod.MONTHLY, 50);
    metrics.budget(BudgetPeriod.DAILY, "care", 2); // the team the agent's calls are charged to
    metrics.activeSessions(SupportAgent.NAME, 1);
    metrics.agentStartup(SupportAgent.NAME, Ticker.SYSTEM.secondsSince(started));
    return new Running(agent, orders, server);
  }

  /** Starts the agent, its metrics server and the conversation. */
  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("METRICS_PORT", "9466"));
    int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "0"));
    Endpoint endpoint = Endpoint.fromEnvironment(System.getenv());
    OpenAiStandin standin = null;
    if (endpoint == null) {
      standin = OpenAiStandin.builder().failEvery(13, 17).build().start(0);
      endpoint =
          new Endpoint(
              standin.baseUrl() + "/v1", UUID.randomUUID().toString(), Endpoint.DEFAULT_MODEL);
      System.out.println("No OPENAI_BASE_URL: using the bundled stand-in provider at " + endpoint);
    }
    try (Running running = start(endpoint, port)) {
      System.out.println("Metrics on http://127.0.0.1:" + running.server().port() + "/metrics");
      Conversation.run(running.agent(), SCRIPT, rounds);
    } finally {
      if (standin != null) {
        standin.close();
      }
    }
  }
}
