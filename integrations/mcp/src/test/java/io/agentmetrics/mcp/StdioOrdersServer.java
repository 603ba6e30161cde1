package io.agentmetrics.mcp;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An MCP server over stdio, run as its own process by {@link McpStdioTest}: the SDK's server with
 * one tool, wrapped by the bridge; when its client closes stdin it writes its scrape to the file
 * named by its argument and exits.
 */
public final class StdioOrdersServer {

  private StdioOrdersServer() {}

  /** Serves until stdin closes; {@code args[0]}: where to write the scrape. */
  public static void main(String[] args) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    McpMetrics mcp = McpMetrics.of(MicrometerAgentMetrics.builder(registry).build());
    SyncToolSpecification lookup =
        SyncToolSpecification.builder()
            .tool(
                Tool.builder()
                    .name("lookup_order")
                    .description("Looks an order up")
                    .inputSchema(Map.of("type", "object"))
                    .build())
            .callHandler(
                (exchange, call) -> CallToolResult.builder().addTextContent("ships today").build())
            .build();
    Object closed = new Object();
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(McpJsonDefaults.getMapper());
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo("orders", "1.0.0")
            .capabilities(ServerCapabilities.builder().tools(true).build())
            .tools(mcp.tools(McpMetrics.PIPE, List.of(lookup)))
            .build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.writeString(Path.of(args[0]), registry.scrape());
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }));
    synchronized (closed) {
      closed.wait(); // the client ends the process when it closes
    }
    server.close();
  }
}
