package io.agentmetrics.spring.boot;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.core.BridgeBuilder;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.core.PriceTable;
import io.agentmetrics.langchain4j.LangChain4jBridge;
import io.agentmetrics.mcp.McpMetrics;
import io.agentmetrics.springai.ChunkTimingAdvisor;
import io.agentmetrics.springai.SpringAiBridge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The starter's auto-configuration: an {@link AgentMetrics} bean recording into the application's
 * own {@link MeterRegistry} (never a second registry, and no JVM binders: Spring Boot binds those),
 * the Spring AI bridge on the application's {@link ObservationRegistry} where Spring AI is on the
 * classpath, and the LangChain4j bridge where LangChain4j is. With {@code
 * agentmetrics.enabled=false} the bean records nothing.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@EnableConfigurationProperties(AgentMetricsProperties.class)
public class AgentMetricsAutoConfiguration {

  /** The recorder on the application's registry. */
  @Bean
  @ConditionalOnMissingBean(AgentMetrics.class)
  @ConditionalOnBooleanProperty(name = "agentmetrics.enabled", matchIfMissing = true)
  public AgentMetrics agentMetrics(
      ObjectProvider<MeterRegistry> registry, AgentMetricsProperties properties) {
    MeterRegistry meterRegistry = registry.getIfAvailable();
    if (meterRegistry == null) {
      return AgentMetrics.noop();
    }
    PriceTable prices =
        properties.getPriceFile() == null
            ? PriceTable.bundled()
            : PriceTable.bundled().withOverrides(properties.getPriceFile());
    return MicrometerAgentMetrics.builder(meterRegistry)
        .seriesCap(properties.getSeriesCap())
        .priceTable(prices)
        .build();
  }

  /**
   * The catalogue's buckets for Spring Boot's {@code http.server.requests}, so the Application HTTP
   * dashboard shows p95 by uri; {@code agentmetrics.http-buckets=false} leaves the timer as it is.
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "agentmetrics.http-buckets", matchIfMissing = true)
  public MeterFilter agentmetricsHttpServerRequestsBuckets() {
    return new HttpServerRequestsBuckets();
  }

  /** A recorder that records nothing, when {@code agentmetrics.enabled=false}. */
  @Bean
  @ConditionalOnMissingBean(AgentMetrics.class)
  @ConditionalOnBooleanProperty(name = "agentmetrics.enabled", havingValue = false)
  public AgentMetrics disabledAgentMetrics() {
    return AgentMetrics.noop();
  }

  /** The Spring AI bridge, where Spring AI is on the classpath. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.ai.chat.observation.ChatModelObservationContext",
      value = SpringAiBridge.class)
  static class SpringAiBridgeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SpringAiBridge agentmetricsSpringAiBridge(
        AgentMetrics metrics, AgentMetricsProperties properties, Environment environment) {
      return attributed(SpringAiBridge.builder(metrics), properties, environment);
    }

    @Bean
    ObservationRegistryCustomizer<ObservationRegistry> agentmetricsSpringAiObservations(
        SpringAiBridge bridge) {
      return bridge::registerOn;
    }

    /**
     * Times streamed chunks on every {@code ChatClient.Builder} that Spring AI's auto-configuration
     * builds, where Spring AI's chat client is on the classpath.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.ai.chat.client.ChatClientCustomizer")
    static class ChatClientChunkTimingConfiguration {

      @Bean
      ChatClientCustomizer agentmetricsChunkTiming(SpringAiBridge bridge) {
        ChunkTimingAdvisor advisor = new ChunkTimingAdvisor(bridge);
        return builder -> builder.defaultAdvisors(advisor);
      }
    }
  }

  /**
   * The LangChain4j bridge, where LangChain4j is on the classpath. Its chat model listener is a
   * {@code ChatModelListener} bean, which LangChain4j's Spring Boot starters attach to the models
   * they build; other listeners come from the {@code LangChain4jBridge} bean.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "dev.langchain4j.model.chat.listener.ChatModelListener",
      value = LangChain4jBridge.class)
  static class LangChain4jBridgeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LangChain4jBridge agentmetricsLangChain4jBridge(
        AgentMetrics metrics, AgentMetricsProperties properties, Environment environment) {
      return attributed(LangChain4jBridge.builder(metrics), properties, environment);
    }

    @Bean
    ChatModelListener agentmetricsChatModelListener(LangChain4jBridge bridge) {
      return bridge.chatModelListener();
    }
  }

  /**
   * The MCP bridge on Spring AI's MCP client and server starters, where they and {@code
   * agentmetrics-mcp} are on the classpath: their client transports and synchronous tools timed.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport",
        "io.modelcontextprotocol.server.McpServerFeatures"
      },
      value = McpMetrics.class)
  static class SpringAiMcpConfiguration {

    @Bean
    static BeanPostProcessor agentmetricsMcpBeans(
        ObjectProvider<AgentMetrics> metrics, Environment environment) {
      boolean stdio = environment.getProperty("spring.ai.mcp.server.stdio", Boolean.class, false);
      return new McpBeansPostProcessor(metrics, stdio ? McpMetrics.PIPE : McpMetrics.TCP);
    }
  }

  /** A bridge under the configured agent name and team. */
  static <T> T attributed(
      BridgeBuilder<?, T> bridge, AgentMetricsProperties properties, Environment environment) {
    return bridge.agent(agentName(properties, environment)).team(properties.getTeam()).build();
  }

  static String agentName(AgentMetricsProperties properties, Environment environment) {
    if (properties.getAgent() != null && !properties.getAgent().isBlank()) {
      return properties.getAgent();
    }
    return environment.getProperty("spring.application.name", "unknown");
  }
}
