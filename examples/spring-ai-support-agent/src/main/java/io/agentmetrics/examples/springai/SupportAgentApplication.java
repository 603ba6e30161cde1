package io.agentmetrics.examples.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.standin.OpenAiStandin;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The support agent as a Spring Boot application: Spring AI's OpenAI starter, its MCP server and
 * client starters (the application serves the order service's tools over MCP and its agent calls
 * them over MCP), Actuator with Prometheus, and the agentmetrics starter. Without {@code
 * OPENAI_BASE_URL} it starts the bundled stand-in provider (429 every 13th request, 503 every 17th)
 * and points Spring AI at it; {@code ROUNDS} rounds of the scripted conversation (0, the default,
 * runs until stopped).
 */
@SpringBootApplication
public class SupportAgentApplication {

  /**
   * The order service's tools, served at {@code /mcp} by Spring AI's MCP server starter. In
   * production the order service is an application of its own; here one application plays both
   * parts, so the example runs alone.
   */
  @Bean
  ToolCallbackProvider orderService(AgentMetrics metrics) {
    return MethodToolCallbackProvider.builder().toolObjects(new OrderTools(metrics)).build();
  }

  /** Starts the application, and the conversation. */
  public static void main(String[] args) {
    List<String> arguments = new ArrayList<>(List.of(args));
    String baseUrl = System.getenv("OPENAI_BASE_URL");
    OpenAiStandin standin = null;
    if (baseUrl == null || baseUrl.isBlank()) {
      standin = OpenAiStandin.builder().failEvery(13, 17).build().start(0);
      arguments.addAll(standinArguments(standin));
      System.out.println("No OPENAI_BASE_URL: using the bundled stand-in provider");
    }
    int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "0"));
    try (ConfigurableApplicationContext app =
        SpringApplication.run(SupportAgentApplication.class, arguments.toArray(String[]::new))) {
      Conversation.run(app.getBean(SupportAgent.class), Conversation.SCRIPT, rounds);
    } finally {
      if (standin != null) {
        standin.close();
      }
    }
  }

  /** The command-line properties that point Spring AI at {@code standin}. */
  static List<String> standinArguments(OpenAiStandin standin) {
    return List.of(
        "--spring.ai.openai.base-url=" + standin.baseUrl() + "/v1",
        "--spring.ai.openai.api-key=" + UUID.randomUUID());
  }
}
