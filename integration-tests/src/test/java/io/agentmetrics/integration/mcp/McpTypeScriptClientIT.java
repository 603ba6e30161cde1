package io.agentmetrics.integration.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.integration.NodeClients;
import io.agentmetrics.mcp.McpMetrics;
import io.agentmetrics.mcp.testing.StreamableHttpMcpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP TypeScript SDK's real client ({@code @modelcontextprotocol/sdk}, pinned in the Node
 * clients' package-lock.json) against a Java MCP server (the MCP Java SDK's, streamable HTTP),
 * whose tools the agentmetrics MCP bridge wraps: each call the TypeScript client makes is recorded
 * on the server's side with its outcome.
 */
class McpTypeScriptClientIT {

  @TempDir Path dir;

  @Test
  void theTypeScriptSdksCallsOfAJavaMcpServerAreRecordedWithTheirOutcome() throws Exception {
    Path clients = NodeClients.installed();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    McpMetrics mcp = McpMetrics.of(MicrometerAgentMetrics.builder(registry).build());
    try (StreamableHttpMcpServer server =
        StreamableHttpMcpServer.serve(
            mcp.tools(McpMetrics.TCP, StreamableHttpMcpServer.threeOutcomes()))) {
      Path log = dir.resolve("mcp-client.log");
      Process node =
          new ProcessBuilder(
                  "node",
                  "mcp-client.mjs",
                  server.base() + "/mcp",
                  "lookup_order",
                  "refund",
                  "cancel",
                  "lookup_order")
              .directory(clients.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean done = node.waitFor(60, TimeUnit.SECONDS);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (!done) {
        node.destroyForcibly();
      }
      assertThat(done).as("the client finished within 60 s:\n" + output).isTrue();
      assertThat(node.exitValue()).as(output).isZero();
      // What the TypeScript client saw: an isError result, and -32603 for the tool that threw.
      assertThat(output.lines())
          .containsSubsequence(
              "tools cancel,lookup_order,refund",
              "lookup_order ok",
              "refund isError",
              "cancel -32603",
              "lookup_order ok");
    }

    String served = "mcp_server_operation_duration_seconds_count{error_type=";
    String tail = "mcp_method_name=\"tools/call\",network_transport=\"tcp\"} ";
    assertThat(registry.scrape().lines())
        .contains(
            served + "\"\",gen_ai_tool_name=\"lookup_order\"," + tail + "2",
            served + "\"tool_error\",gen_ai_tool_name=\"refund\"," + tail + "1",
            served
                + "\"java.lang.IllegalStateException\",gen_ai_tool_name=\"cancel\","
                + tail
                + "1");
  }
}
