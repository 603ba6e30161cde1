package io.agentmetrics.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.mcp.testing.StreamableHttpMcpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's real MCP client ({@code DefaultMcpClient} on its streamable HTTP transport) against
 * the MCP Java SDK's real server (its servlet in Jetty), the client opened through the recorder.
 * The facade's ticker advances 250 ms per reading, so every duration is exact.
 */
class McpClientRecorderTest {

  private static final long STEP_NANOS = 250_000_000L;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong ticks = new AtomicLong();
  private final LangChain4jBridge bridge =
      LangChain4jBridge.builder(
              MicrometerAgentMetrics.builder(registry)
                  .ticker(() -> ticks.getAndIncrement() * STEP_NANOS)
                  .build())
          .agent("support-bot")
          .build();
  private StreamableHttpMcpServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private String serve(List<SyncToolSpecification> tools) throws Exception {
    server = StreamableHttpMcpServer.serve(tools);
    return server.base();
  }

  private static ToolExecutionRequest call(String tool) {
    return ToolExecutionRequest.builder().id(tool).name(tool).arguments("{}").build();
  }

  @Test
  void everyOperationOfLangChain4jsMcpClientAndItsSessionAreRecordedWithTheirOutcome()
      throws Exception {
    String base = serve(StreamableHttpMcpServer.threeOutcomes());
    StreamableHttpMcpTransport transport =
        StreamableHttpMcpTransport.builder()
            .url(base + "/mcp")
            .timeout(Duration.ofSeconds(20))
            .build();

    McpClient client =
        new McpClientRecorder(bridge)
            .open(DefaultMcpClient.builder().key("orders").autoHealthCheck(false), transport);
    assertThat(client.listTools()).hasSize(3);
    assertThat(client.executeTool(call("lookup_order")).isError()).isFalse();
    // LangChain4j throws for a tool's isError result (after its listeners saw the result) and for
    // a JSON-RPC error (-32603 here, the code kept in the exception): an AI service hands either
    // text to the model.
    assertThatThrownBy(() -> client.executeTool(call("refund")))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessage("refunds are closed");
    assertThatThrownBy(() -> client.executeTool(call("cancel")))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessage("the order service is down");
    client.close();

    String operation = "mcp_client_operation_duration_seconds_";
    String tcp = "network_transport=\"tcp\"";
    assertThat(registry.scrape().lines().filter(line -> line.startsWith("mcp_client_")))
        .contains(
            operation
                + "count{error_type=\"\",gen_ai_tool_name=\"\",mcp_method_name=\"initialize\","
                + tcp
                + "} 1",
            operation
                + "sum{error_type=\"\",gen_ai_tool_name=\"\",mcp_method_name=\"tools/list\","
                + tcp
                + "} 0.25",
            operation
                + "sum{error_type=\"\",gen_ai_tool_name=\"lookup_order\","
                + "mcp_method_name=\"tools/call\","
                + tcp
                + "} 0.25",
            operation
                + "count{error_type=\"tool_error\",gen_ai_tool_name=\"refund\","
                + "mcp_method_name=\"tools/call\","
                + tcp
                + "} 1",
            operation
                + "count{error_type=\"-32603\",gen_ai_tool_name=\"cancel\","
                + "mcp_method_name=\"tools/call\","
                + tcp
                + "} 1",
            // Opened at reading 0; five operations of two readings each; closed at reading 11.
            "mcp_client_session_duration_seconds_sum{error_type=\"\"," + tcp + "} 2.75",
            "mcp_client_session_duration_seconds_count{error_type=\"\"," + tcp + "} 1");
  }
}
