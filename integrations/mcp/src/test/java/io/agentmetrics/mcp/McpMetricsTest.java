package io.agentmetrics.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.mcp.testing.StreamableHttpMcpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP Java SDK's real client and server over streamable HTTP (the SDK's servlet in Jetty, its
 * JDK HTTP client transport), the client's transport and the server's tools wrapped by the bridge.
 * Client and server record into registries of their own, each with a facade ticker that advances
 * 250 ms per reading, so every duration is exact.
 */
class McpMetricsTest {

  private static final long STEP_NANOS = 250_000_000L;

  private final PrometheusMeterRegistry clientRegistry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PrometheusMeterRegistry serverRegistry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final McpMetrics clientMetrics = McpMetrics.of(stepping(clientRegistry));
  private final McpMetrics serverMetrics = McpMetrics.of(stepping(serverRegistry));
  private StreamableHttpMcpServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static MicrometerAgentMetrics stepping(PrometheusMeterRegistry registry) {
    AtomicLong ticks = new AtomicLong();
    return MicrometerAgentMetrics.builder(registry)
        .ticker(() -> ticks.getAndIncrement() * STEP_NANOS)
        .build();
  }

  private String serve(List<SyncToolSpecification> tools) throws Exception {
    server = StreamableHttpMcpServer.serve(serverMetrics.tools(McpMetrics.TCP, tools));
    return server.base();
  }

  @Test
  void everyRequestOfAClientAndEveryToolCallOfAServerIsRecordedWithItsOutcome() throws Exception {
    String base = serve(StreamableHttpMcpServer.threeOutcomes());
    McpSyncClient client =
        McpClient.sync(
                clientMetrics.client(
                    HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build()))
            .requestTimeout(Duration.ofSeconds(20))
            .build();

    client.initialize();
    assertThat(client.listTools().tools()).hasSize(3);
    assertThat(client.callTool(new CallToolRequest("lookup_order", Map.of())).isError())
        .isNotEqualTo(true);
    // A tool's error comes back as a result, not a JSON-RPC error: the client does not throw.
    assertThat(client.callTool(new CallToolRequest("refund", Map.of())).isError()).isTrue();
    // A tool that throws is a JSON-RPC error (-32603, internal error): the client throws.
    assertThatThrownBy(() -> client.callTool(new CallToolRequest("cancel", Map.of())))
        .isInstanceOf(McpError.class);
    client.closeGracefully();

    String call = "mcp_client_operation_duration_seconds_";
    String tcp = "network_transport=\"tcp\"";
    assertThat(clientRegistry.scrape().lines())
        .contains(
            call
                + "count{error_type=\"\",gen_ai_tool_name=\"\",mcp_method_name=\"initialize\","
                + tcp
                + "} 1",
            call
                + "sum{error_type=\"\",gen_ai_tool_name=\"\",mcp_method_name=\"initialize\","
                + tcp
                + "} 0.25",
            call
                + "count{error_type=\"\",gen_ai_tool_name=\"\",mcp_method_name=\"tools/list\","
                + tcp
                + "} 1",
            call
                + "count{error_type=\"\",gen_ai_tool_name=\"lookup_order\",mcp_method_name=\"tools/call\","
                + tcp
                + "} 1",
            call
                + "count{error_type=\"tool_error\",gen_ai_tool_name=\"refund\",mcp_method_name=\"tools/call\","
                + tcp
                + "} 1",
            call
                + "count{error_type=\"-32603\",gen_ai_tool_name=\"cancel\",mcp_method_name=\"tools/call\","
                + tcp
                + "} 1",
            "mcp_client_session_duration_seconds_count{error_type=\"\"," + tcp + "} 1",
            // From connecting to closing: the 10 readings of the 5 requests lie in between.
            "mcp_client_session_duration_seconds_sum{error_type=\"\"," + tcp + "} 2.75");
    String served = "mcp_server_operation_duration_seconds_";
    assertThat(serverRegistry.scrape().lines())
        .contains(
            served
                + "count{error_type=\"\",gen_ai_tool_name=\"lookup_order\",mcp_method_name=\"tools/call\","
                + tcp
                + "} 1",
            served
                + "sum{error_type=\"\",gen_ai_tool_name=\"lookup_order\",mcp_method_name=\"tools/call\","
                + tcp
                + "} 0.25",
            served
                + "count{error_type=\"tool_error\",gen_ai_tool_name=\"refund\",mcp_method_name=\"tools/call\","
                + tcp
                + "} 1",
            served
                + "count{error_type=\"java.lang.IllegalStateException\",gen_ai_tool_name=\"cancel\",mcp_method_name=\"tools/call\","
                + tcp
                + "} 1");
  }
}
