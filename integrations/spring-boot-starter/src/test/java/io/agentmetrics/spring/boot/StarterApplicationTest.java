package io.agentmetrics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.standin.OpenAiStandin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot web application with Actuator, Prometheus, Spring AI's OpenAI starter (pointed
 * at the local stand-in provider by properties only) and this starter: one chat call, and our
 * series are on {@code /actuator/prometheus}, read over HTTP.
 */
class StarterApplicationTest {

  /** The application: nothing but its dependencies and properties. */
  @SpringBootApplication
  static class SupportBot {}

  @Test
  void aChatCallOfASpringAiAppShowsOnActuatorPrometheusWithNoRecordingCode() throws Exception {
    try (OpenAiStandin standin =
            OpenAiStandin.builder()
                .usage(new OpenAiStandin.Usage(120, 30, 20, 5))
                .build()
                .start(0);
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(SupportBot.class)
                .properties(
                    "server.port=0",
                    "server.address=127.0.0.1",
                    "spring.application.name=support-bot",
                    "agentmetrics.team=care",
                    "management.endpoints.web.exposure.include=prometheus",
                    "spring.ai.openai.base-url=" + standin.baseUrl() + "/v1",
                    "spring.ai.openai.api-key=" + UUID.randomUUID(),
                    "spring.ai.openai.chat.options.model=gpt-5-mini")
                .run()) {
      String answer = app.getBean(ChatModel.class).call("Where is my order?");
      assertThat(answer).startsWith("You asked: Where is my order?");

      String port = app.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest scrape =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
              .build();
      String call =
          "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
              + "gen_ai_request_model=\"gpt-5-mini\"";
      String tokens = "gen_ai_agent_name=\"support-bot\"," + call;
      awaitScrape(
          http,
          scrape,
          "gen_ai_client_inference_usage_input_tokens_total{"
              + tokens
              + ",gen_ai_token_modality=\"unknown\",team=\"care\"} 120.0",
          "gen_ai_client_inference_usage_cache_read_input_tokens_total{"
              + tokens
              + ",gen_ai_token_modality=\"unknown\",team=\"care\"} 20.0",
          "agent_cost_usd_total{gen_ai_agent_name=\"support-bot\","
              + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5-mini\","
              + "team=\"care\"} 8.55E-5",
          "gen_ai_client_inference_duration_seconds_count{error_type=\"\"," + call + "} 1",
          // Spring AI's own meter, beside ours in the same registry.
          "gen_ai_client_token_usage_total{");

      // A stream through the auto-configured ChatClient.Builder: timed chunk by chunk.
      List<String> chunks =
          app.getBean(ChatClient.Builder.class).build().prompt("Stream it").stream()
              .content()
              .collectList()
              .block();
      assertThat(chunks).hasSizeGreaterThan(2);
      awaitScrape(
          http,
          scrape,
          "gen_ai_client_inference_duration_seconds_count{error_type=\"\"," + call + "} 2",
          "gen_ai_client_inference_time_to_first_chunk_seconds_count{" + call + "} 1",
          "gen_ai_client_inference_time_per_output_chunk_seconds_count{"
              + call
              + "} "
              + (chunks.size() - 1));
    }
  }

  /** Scrapes until the page holds every one of {@code parts} (10 s at most). */
  private static void awaitScrape(HttpClient http, HttpRequest scrape, String... parts) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body())
                    .contains(parts));
  }
}
