package io.agentmetrics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.langchain4j.LangChain4jBridge;
import io.agentmetrics.springai.SpringAiBridge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration with Spring Boot's own metrics auto-configurations, in a real context. */
class AgentMetricsAutoConfigurationTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  PrometheusMetricsExportAutoConfiguration.class,
                  JvmMetricsAutoConfiguration.class,
                  SystemMetricsAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  AgentMetricsAutoConfiguration.class));

  private static String scrape(MeterRegistry registry) {
    return ((PrometheusMeterRegistry) registry).scrape();
  }

  private static long count(String scrape, String line) {
    return Arrays.stream(scrape.split("\n")).filter(line::equals).count();
  }

  @Test
  void theRecorderWritesIntoTheApplicationsOwnRegistryWithoutDoublingTheJvmMeters() {
    contexts.run(
        context -> {
          assertThat(context).hasSingleBean(AgentMetrics.class).hasSingleBean(MeterRegistry.class);
          assertThat(context.getBean(AgentMetrics.class))
              .isInstanceOf(MicrometerAgentMetrics.class);
          context
              .getBean(AgentMetrics.class)
              .llmCall(
                  LlmCall.builder("openai", "gpt-5-mini")
                      .agent("a")
                      .durationSeconds(1)
                      .tokens(10, 2)
                      .build());

          String scrape = scrape(context.getBean(MeterRegistry.class));
          assertThat(scrape)
              .contains(
                  "gen_ai_client_inference_usage_input_tokens_total{gen_ai_agent_name=\"a\","
                      + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
                      + "gen_ai_request_model=\"gpt-5-mini\",gen_ai_token_modality=\"unknown\","
                      + "team=\"\"} 10.0");
          // Spring Boot binds the JVM and system meters once; the starter binds none of its own.
          assertThat(count(scrape, "# TYPE jvm_memory_used_bytes gauge")).isEqualTo(1);
          assertThat(count(scrape, "# TYPE system_cpu_count gauge")).isEqualTo(1);
          assertThat(scrape).doesNotContain("jvm_available_processors");
        });
  }

  @Test
  void httpServerRequestsGetsTheCatalogueBucketsUnlessTurnedOff() {
    contexts.run(
        context -> {
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          registry.timer("http.server.requests", "uri", "/api/ask").record(Duration.ofMillis(30));
          String scrape = scrape(registry);
          for (Double bucket : MetricCatalogue.HTTP_SERVER_REQUESTS.buckets()) {
            assertThat(scrape)
                .contains(
                    "http_server_requests_seconds_bucket{uri=\"/api/ask\",le=\"" + bucket + "\"}");
          }
          assertThat(scrape)
              .contains("http_server_requests_seconds_bucket{uri=\"/api/ask\",le=\"0.025\"} 0");
          assertThat(scrape)
              .contains("http_server_requests_seconds_bucket{uri=\"/api/ask\",le=\"0.05\"} 1");
        });
    contexts
        .withPropertyValues("agentmetrics.http-buckets=false")
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              registry
                  .timer("http.server.requests", "uri", "/api/ask")
                  .record(Duration.ofMillis(30));
              assertThat(scrape(registry)).doesNotContain("http_server_requests_seconds_bucket");
            });
  }

  @Test
  void theSeriesCapComesFromTheProperties() {
    contexts
        .withPropertyValues("agentmetrics.series-cap=1")
        .run(
            context -> {
              AgentMetrics metrics = context.getBean(AgentMetrics.class);
              metrics.featureUsed("search");
              metrics.featureUsed("summarize");
              assertThat(scrape(context.getBean(MeterRegistry.class)))
                  .contains("agent_feature_usage_total{feature=\"search\"} 1.0")
                  .contains("agent_feature_usage_total{feature=\"_other\"} 1.0");
            });
  }

  @Test
  void disabledMeansARecorderThatRecordsNothing() {
    contexts
        .withPropertyValues("agentmetrics.enabled=false")
        .run(
            context -> {
              assertThat(context.getBean(AgentMetrics.class)).isSameAs(AgentMetrics.noop());
              context.getBean(AgentMetrics.class).featureUsed("search");
              assertThat(scrape(context.getBean(MeterRegistry.class)))
                  .doesNotContain("agent_feature_usage_total");
            });
  }

  @Test
  void theLangChain4jBridgeIsOnWhereLangChain4jIsOnTheClasspathWithItsChatModelListenerBean() {
    contexts
        .withPropertyValues("spring.application.name=support-bot")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(LangChain4jBridge.class)
                    .hasSingleBean(ChatModelListener.class));
    contexts
        .withClassLoader(new FilteredClassLoader("dev.langchain4j"))
        .run(context -> assertThat(context).doesNotHaveBean(LangChain4jBridge.class));
  }

  @Test
  void theSpringAiBridgeIsOnWhereSpringAiIsOnTheClasspathNamedAfterTheApplication() {
    contexts
        .withPropertyValues("spring.application.name=support-bot", "agentmetrics.team=care")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(SpringAiBridge.class)
                    .hasSingleBean(ChatClientCustomizer.class));
    contexts
        .withClassLoader(new FilteredClassLoader("org.springframework.ai.chat.client"))
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(SpringAiBridge.class)
                    .doesNotHaveBean(ChatClientCustomizer.class));
    assertThat(
            AgentMetricsAutoConfiguration.agentName(
                new AgentMetricsProperties(),
                new org.springframework.mock.env.MockEnvironment()
                    .withProperty("spring.application.name", "support-bot")))
        .isEqualTo("support-bot");
  }
}
