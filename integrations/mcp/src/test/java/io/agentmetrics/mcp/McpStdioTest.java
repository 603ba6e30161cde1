package io.agentmetrics.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's real client over stdio, its transport wrapped by the bridge, talking to the SDK's real
 * server ({@link StdioOrdersServer}) in a process of its own, whose tool is wrapped too: both sides
 * record {@code network_transport="pipe"}.
 */
class McpStdioTest {

  @TempDir Path dir;

  @Test
  void aClientAndAServerOverStdioRecordTheirToolCallsAsPipe() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    McpMetrics mcp = McpMetrics.of(MicrometerAgentMetrics.builder(registry).build());
    Path serverScrape = dir.resolve("server.prom");
    ServerParameters server =
        ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                StdioOrdersServer.class.getName(),
                serverScrape.toString())
            .build();
    McpSyncClient client =
        McpClient.sync(mcp.client(new StdioClientTransport(server, McpJsonDefaults.getMapper())))
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60))
            .build();

    client.initialize();
    assertThat(client.callTool(new CallToolRequest("lookup_order", Map.of())).isError())
        .isNotEqualTo(true);
    client.closeGracefully();

    String pipe = "network_transport=\"pipe\"";
    assertThat(registry.scrape().lines())
        .contains(
            "mcp_client_operation_duration_seconds_count{error_type=\"\",gen_ai_tool_name=\"\","
                + "mcp_method_name=\"initialize\","
                + pipe
                + "} 1",
            "mcp_client_operation_duration_seconds_count{error_type=\"\","
                + "gen_ai_tool_name=\"lookup_order\",mcp_method_name=\"tools/call\","
                + pipe
                + "} 1",
            "mcp_client_session_duration_seconds_count{error_type=\"\"," + pipe + "} 1");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Files.exists(serverScrape) ? Files.readAllLines(serverScrape) : null)
                    .contains(
                        "mcp_server_operation_duration_seconds_count{error_type=\"\","
                            + "gen_ai_tool_name=\"lookup_order\",mcp_method_name=\"tools/call\","
                            + pipe
                            + "} 1"));
  }
}
