package io.agentmetrics.spring.boot;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.mcp.McpMetrics;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.function.Function;
import org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Attaches the MCP bridge to Spring AI's MCP starters: every client transport the client starter
 * builds (its {@code List<NamedClientMcpTransport>} beans, one per connection) is wrapped so each
 * request and the session are timed, and every synchronous tool the server starter serves (its
 * {@code SyncToolSpecification} beans and lists, the application's {@code @Tool} methods among
 * them) is wrapped so each call is timed. {@code network} is the server's transport ({@code pipe}
 * with {@code spring.ai.mcp.server.stdio=true}, else {@code tcp}).
 */
final class McpBeansPostProcessor implements BeanPostProcessor {

  private final ObjectProvider<AgentMetrics> metrics;
  private final String serverNetwork;
  private volatile McpMetrics mcp;

  McpBeansPostProcessor(ObjectProvider<AgentMetrics> metrics, String serverNetwork) {
    this.metrics = metrics;
    this.serverNetwork = serverNetwork;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SyncToolSpecification tool) {
      return mcp().tool(serverNetwork, tool);
    }
    if (bean instanceof List<?> list && !list.isEmpty()) {
      if (allOf(list, NamedClientMcpTransport.class)) {
        return mapped(
            list,
            NamedClientMcpTransport.class,
            named -> new NamedClientMcpTransport(named.name(), mcp().client(named.transport())));
      }
      if (allOf(list, SyncToolSpecification.class)) {
        return mapped(list, SyncToolSpecification.class, tool -> mcp().tool(serverNetwork, tool));
      }
    }
    return bean;
  }

  private static boolean allOf(List<?> list, Class<?> type) {
    return list.stream().allMatch(type::isInstance);
  }

  private static <T> List<T> mapped(List<?> list, Class<T> type, Function<T, T> wrap) {
    return list.stream().map(type::cast).map(wrap).toList();
  }

  /** The bridge, made on first use: the recorder bean is not asked for while beans are defined. */
  private McpMetrics mcp() {
    McpMetrics bridge = mcp;
    if (bridge == null) {
      bridge = McpMetrics.of(metrics.getObject());
      mcp = bridge;
    }
    return bridge;
  }
}
