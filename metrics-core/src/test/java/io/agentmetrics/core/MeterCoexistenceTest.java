package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.LlmCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Our meters in the same {@link PrometheusMeterRegistry} as the frameworks' own GenAI meters, the
 * registry every Spring Boot app has: both sides' series are exported and no registration fails.
 * And where a registration does fail (an application's own meter under one of our names), it is
 * counted and logged at WARN, never lost in silence.
 */
class MeterCoexistenceTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<String> refused = new ArrayList<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RegistrationFailures.class);

  @BeforeEach
  void listen() {
    registry.config().onMeterRegistrationFailed((id, reason) -> refused.add(id.getName()));
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  /**
   * Spring AI 2.0's own metering code, as Spring Boot wires it: the chat model observation with
   * Micrometer's {@link DefaultMeterObservationHandler} (the {@code gen_ai.client.operation} timer)
   * and Spring AI's {@link ChatModelMeterObservationHandler} (the {@code gen_ai.client.token.usage}
   * counters). Run before and after ours, so either side registers first.
   */
  @Test
  void springAiChatModelMetersAndOursAreBothExported() {
    ObservationRegistry observations = ObservationRegistry.create();
    observations
        .observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(registry))
        .observationHandler(new ChatModelMeterObservationHandler(registry));
    AgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();

    springAiChatCall(observations, 120, 30);
    metrics.llmCall(openAiCall(120, 30));
    springAiChatCall(observations, 80, 20);
    metrics.llmCall(openAiCall(80, 20));

    List<String> scrape = new Scrape(registry).lines();
    assertThat(scrape)
        .anyMatch(
            line ->
                line.startsWith("gen_ai_client_operation_seconds_count{") && line.endsWith(" 2"))
        .anyMatch(
            line ->
                line.startsWith("gen_ai_client_token_usage_total{")
                    && line.contains("gen_ai_token_type=\"input\"")
                    && line.endsWith(" 200.0"))
        .anyMatch(
            line ->
                line.startsWith("gen_ai_client_inference_usage_input_tokens_total{")
                    && line.endsWith(" 200.0"))
        .anyMatch(
            line ->
                line.startsWith("gen_ai_client_inference_duration_seconds_count{")
                    && line.endsWith(" 2"))
        .noneMatch(line -> line.startsWith("agentmetrics_meter_registration_failed_total"));
    assertThat(refused).isEmpty();
    assertThat(log.list).isEmpty();
  }

  /**
   * The shapes LangChain4j 1.x's {@code langchain4j-micrometer-metrics} registers, as its source
   * declares them (MicrometerMetricsChatModelListener and ChatModelMicrometerMetricsListener:
   * {@code gen_ai.client.token.usage} as a DistributionSummary with base unit {@code tokens} or as
   * a Counter, tags operation, provider, request and response model, token type; and {@code
   * gen_ai.client.operation.duration}). That artifact is not served by the Maven repository these
   * builds use, so its meters are registered here with its names, types and tag keys, not by its
   * code. Each shape gets its own registry: they collide with each other, not with ours.
   */
  @Test
  void langChain4jMeterShapesAndOursAreBothExported() {
    registerLangChain4jTokenSummary(registry);
    Timer.builder("gen_ai.client.operation.duration")
        .tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai")
        .tags("gen_ai.request.model", "gpt-4o", "gen_ai.response.model", "gpt-4o")
        .register(registry)
        .record(800, TimeUnit.MILLISECONDS);
    MicrometerAgentMetrics.builder(registry).build().llmCall(openAiCall(120, 30));

    PrometheusMeterRegistry second = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    second.config().onMeterRegistrationFailed((id, reason) -> refused.add(id.getName()));
    MicrometerAgentMetrics.builder(second).build().llmCall(openAiCall(120, 30));
    Counter.builder("gen_ai.client.token.usage")
        .tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai")
        .tags("gen_ai.request.model", "gpt-4o", "gen_ai.response.model", "gpt-4o")
        .tag("gen_ai.token.type", "input")
        .register(second)
        .increment(120);

    assertThat(new Scrape(registry).lines())
        .anyMatch(line -> line.startsWith("gen_ai_client_token_usage_tokens_sum{"))
        .anyMatch(line -> line.startsWith("gen_ai_client_operation_duration_seconds_count{"))
        .anyMatch(line -> line.startsWith("gen_ai_client_inference_usage_input_tokens_total{"));
    assertThat(new Scrape(second).lines())
        .anyMatch(line -> line.startsWith("gen_ai_client_token_usage_total{"))
        .anyMatch(line -> line.startsWith("gen_ai_client_inference_usage_output_tokens_total{"));
    assertThat(refused).isEmpty();
  }

  /**
   * The application's own timer under our name, without buckets: registering ours beside it would
   * make Micrometer fail every scrape (it mixes a summary and a histogram in one family), so ours
   * is not registered, and that is counted and logged for each label set.
   */
  @Test
  void anApplicationsMeterUnderOneOfOurNamesIsCountedAndWarnedAbout() {
    Timer.builder("gen_ai.client.inference.duration").tag("team", "x").register(registry);
    AgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();

    metrics.llmCall(openAiCall(10, 5));
    metrics.llmCall(openAiCall(10, 5));
    metrics.llmCall(LlmCall.builder("anthropic", "claude-haiku-4-5").durationSeconds(1).build());

    assertThat(new Scrape(registry).lines())
        .contains(
            "agentmetrics_meter_registration_failed_total{"
                + "metric=\"gen_ai_client_inference_duration_seconds\"} 2.0");
    assertThat(log.list)
        .hasSize(2)
        .allSatisfy(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage())
                  .contains("gen_ai.client.inference.duration")
                  .contains("tag keys [team]")
                  .contains("not exported")
                  .contains("MeterFilter");
            });
  }

  /** A meter of another type registered after ours is refused by the registry: also counted. */
  @Test
  void aMeterOfAnotherTypeRegisteredAfterOursIsCountedAndWarnedAbout() {
    AgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
    metrics.llmCall(openAiCall(10, 5));
    DistributionSummary.builder("gen_ai.client.inference.usage.input_tokens")
        .register(registry)
        .record(3);

    assertThat(refused).containsOnly("gen_ai.client.inference.usage.input_tokens");
    assertThat(new Scrape(registry).lines())
        .contains(
            "agentmetrics_meter_registration_failed_total{"
                + "metric=\"gen_ai_client_inference_usage_input_tokens\"} 1.0")
        .anyMatch(line -> line.startsWith("gen_ai_client_inference_usage_input_tokens_total{"));
    assertThat(log.list).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
  }

  private static void registerLangChain4jTokenSummary(PrometheusMeterRegistry registry) {
    DistributionSummary.builder("gen_ai.client.token.usage")
        .baseUnit("tokens")
        .tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai")
        .tags("gen_ai.request.model", "gpt-4o", "gen_ai.response.model", "gpt-4o")
        .tag("gen_ai.token.type", "input")
        .register(registry)
        .record(120);
  }

  private static LlmCall openAiCall(long input, long output) {
    return LlmCall.builder("openai", "gpt-4o")
        .agent("support")
        .durationSeconds(0.8)
        .tokens(input, output)
        .build();
  }

  private static void springAiChatCall(ObservationRegistry observations, int input, int output) {
    ChatModelObservationContext context =
        ChatModelObservationContext.builder()
            .prompt(new Prompt("Where is my order?", ChatOptions.builder().model("gpt-4o").build()))
            .provider("openai")
            .build();
    Observation observation =
        ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
            .observation(
                null, new DefaultChatModelObservationConvention(), () -> context, observations)
            .start();
    context.setResponse(
        new ChatResponse(
            List.of(new Generation(new AssistantMessage("It ships today."))),
            ChatResponseMetadata.builder()
                .model("gpt-4o-2024-08-06")
                .usage(new DefaultUsage(input, output))
                .build()));
    observation.stop();
  }
}
