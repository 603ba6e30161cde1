package io.agentmetrics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Spring AI's real MCP server starter (streamable HTTP on Spring MVC) and MCP client starter in one
 * Spring Boot application, the client connected to the server by properties: with this starter on
 * the classpath, and no line of recording code, the client's requests and session and the server's
 * tool calls are on the application's registry.
 */
class McpStartersTest {

  /** The orders service's tools, served by Spring AI's MCP server starter. */
  static class OrderTools {
    @Tool(description = "Tells the shipping state of an order")
    String lookupOrder(@ToolParam(description = "the order number") String order) {
      return "Order " + order + " ships today.";
    }

    @Tool(description = "Cancels an order")
    String cancelOrder(@ToolParam(description = "the order number") String order) {
      throw new IllegalStateException("the order service is down");
    }
  }

  /** The application: the tools as a bean, and nothing else. */
  @SpringBootApplication
  static class OrdersApp {
    @Bean
    ToolCallbackProvider orderTools() {
      return MethodToolCallbackProvider.builder().toolObjects(new OrderTools()).build();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void springAisMcpClientAndServerStartersAreRecordedWithNoRecordingCode() throws Exception {
    int port = freePort();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(OrdersApp.class)
            .properties(
                "server.port=" + port,
                "server.address=127.0.0.1",
                "server.shutdown=immediate",
                "spring.application.name=orders",
                "spring.ai.openai.api-key=" + UUID.randomUUID(), // the OpenAI starter is unused
                "spring.ai.mcp.server.protocol=STREAMABLE",
                "spring.ai.mcp.client.initialized=false", // the server listens after start-up
                "spring.ai.mcp.client.streamable-http.connections.orders.url=http://127.0.0.1:"
                    + port)
            .run()) {
      PrometheusMeterRegistry registry = app.getBean(PrometheusMeterRegistry.class);
      @SuppressWarnings("unchecked")
      List<McpSyncClient> clients = app.getBean("mcpSyncClients", List.class);
      McpSyncClient client = clients.get(0);
      client.initialize();
      assertThat(client.listTools().tools()).hasSize(2);
      assertThat(client.callTool(call("lookupOrder")).isError()).isNotEqualTo(true);
      // Spring AI's server answers a tool that threw with an isError result: a failed call, on
      // both sides.
      assertThat(client.callTool(call("cancelOrder")).isError()).isTrue();
      client.closeGracefully();

      String tcp = "network_transport=\"tcp\"} 1";
      String sent = "mcp_client_operation_duration_seconds_count{error_type=";
      String served = "mcp_server_operation_duration_seconds_count{error_type=";
      assertThat(registry.scrape().lines())
          .contains(
              sent + "\"\",gen_ai_tool_name=\"\",mcp_method_name=\"initialize\"," + tcp,
              sent + "\"\",gen_ai_tool_name=\"\",mcp_method_name=\"tools/list\"," + tcp,
              sent + "\"\",gen_ai_tool_name=\"lookupOrder\",mcp_method_name=\"tools/call\"," + tcp,
              sent
                  + "\"tool_error\",gen_ai_tool_name=\"cancelOrder\",mcp_method_name=\"tools/call\","
                  + tcp,
              "mcp_client_session_duration_seconds_count{error_type=\"\"," + tcp,
              served
                  + "\"\",gen_ai_tool_name=\"lookupOrder\",mcp_method_name=\"tools/call\","
                  + tcp,
              served
                  + "\"tool_error\",gen_ai_tool_name=\"cancelOrder\",mcp_method_name=\"tools/call\","
                  + tcp);
    }
  }

  private static CallToolRequest call(String tool) {
    return CallToolRequest.builder().name(tool).arguments(Map.of("order", "42")).build();
  }
}
