package io.agentmetrics.mcp.testing;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * For tests: the MCP Java SDK's real server (an "orders" server with the given tools) on its
 * streamable HTTP servlet in Jetty, on a free loopback port, endpoint {@code /mcp}.
 */
public final class StreamableHttpMcpServer implements AutoCloseable {

  private final McpSyncServer server;
  private final Server jetty;

  private StreamableHttpMcpServer(McpSyncServer server, Server jetty) {
    this.server = server;
    this.jetty = jetty;
  }

  /** Serves {@code tools}, started. */
  public static StreamableHttpMcpServer serve(List<SyncToolSpecification> tools) throws Exception {
    HttpServletStreamableServerTransportProvider provider =
        HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    McpSyncServer server =
        McpServer.sync(provider)
            .serverInfo("orders", "1.0.0")
            .capabilities(ServerCapabilities.builder().tools(true).build())
            .tools(tools)
            .build();
    Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(provider), "/*");
    jetty.setHandler(context);
    jetty.start();
    return new StreamableHttpMcpServer(server, jetty);
  }

  /** A tool of the orders server named {@code name}, answering with {@code handler}. */
  public static SyncToolSpecification tool(
      String name, BiFunction<Object, CallToolRequest, CallToolResult> handler) {
    return SyncToolSpecification.builder()
        .tool(
            Tool.builder(name, Map.of("type", "object"))
                .description("a tool of the orders server")
                .build())
        .callHandler(handler::apply)
        .build();
  }

  /**
   * The orders server's three tools, one per outcome: {@code lookup_order} answers, {@code refund}
   * answers with {@code isError}, {@code cancel} throws.
   */
  public static List<SyncToolSpecification> threeOutcomes() {
    return List.of(
        tool(
            "lookup_order",
            (exchange, call) -> CallToolResult.builder().addTextContent("ships today").build()),
        tool(
            "refund",
            (exchange, call) ->
                CallToolResult.builder()
                    .addTextContent("refunds are closed")
                    .isError(true)
                    .build()),
        tool(
            "cancel",
            (exchange, call) -> {
              throw new IllegalStateException("the order service is down");
            }));
  }

  /** {@code http://127.0.0.1:port}, without the endpoint. */
  public String base() {
    return "http://127.0.0.1:" + ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.closeGracefully();
    jetty.stop();
  }
}
