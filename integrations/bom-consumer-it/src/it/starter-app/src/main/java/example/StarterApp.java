package example;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.LlmCall;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts, records one LLM call through the starter's bean, and checks the scrape. */
@SpringBootApplication
public class StarterApp {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(StarterApp.class);
    try (ConfigurableApplicationContext context = app.run("--spring.application.name=starter-app")) {
      AgentMetrics metrics = context.getBean(AgentMetrics.class);
      metrics.llmCall(
          LlmCall.builder("openai", "gpt-5-mini")
              .agent("starter-app")
              .durationSeconds(0.5)
              .tokens(100, 20)
              .build());
      String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
      String expected =
          "gen_ai_client_inference_usage_input_tokens_total{gen_ai_agent_name=\"starter-app\","
              + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
              + "gen_ai_request_model=\"gpt-5-mini\",gen_ai_token_modality=\"unknown\",team=\"\"} 100.0";
      if (!scrape.contains(expected)) {
        throw new IllegalStateException("the starter did not record into the app's registry");
      }
      System.out.println("starter-app: recorded through " + metrics.getClass().getName());
    }
  }
}
