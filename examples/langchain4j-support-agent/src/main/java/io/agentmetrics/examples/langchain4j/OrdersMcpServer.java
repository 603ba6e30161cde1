package io.agentmetrics.examples.langchain4j;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.mcp.McpMetrics;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * The order service the agent asks over the Model Context Protocol: an MCP server (the MCP Java
 * SDK's, streamable HTTP in Jetty on loopback) with one tool, {@code lookup_order}, whose calls the
 * agentmetrics MCP bridge records on the server's side. A question without an order number is a
 * tool error ({@code isError}), as an order service would answer it.
 */
final class OrdersMcpServer implements AutoCloseable {

  private static final Pattern ORDER = Pattern.compile("\\border (\\d+)");

  private final McpSyncServer server;
  private final Server jetty;

  private OrdersMcpServer(McpSyncServer server, Server jetty) {
    this.server = server;
    this.jetty = jetty;
  }

  /** Starts the server on a free loopback port, its tool's calls recorded into {@code metrics}. */
  static OrdersMcpServer start(AgentMetrics metrics) {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo("orders", "1.0.0")
            .capabilities(ServerCapabilities.builder().tools(true).build())
            .tools(McpMetrics.of(metrics).tools(McpMetrics.TCP, List.of(lookupOrder(metrics))))
            .build();
    Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(transport), "/*");
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      server.close();
      throw new IllegalStateException("the orders MCP server did not start", e);
    }
    return new OrdersMcpServer(server, jetty);
  }

  private static SyncToolSpecification lookupOrder(AgentMetrics metrics) {
    Tool tool =
        Tool.builder(
                "lookup_order",
                Map.of(
                    "type", "object",
                    "properties",
                        Map.of(
                            "question",
                            Map.of("type", "string", "description", "the customer's question")),
                    "required", List.of("question")))
            .description(
                "Looks an order up by the customer's question and tells its shipping state")
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (exchange, call) -> {
              metrics.featureUsed("order_lookup");
              Matcher order = ORDER.matcher(String.valueOf(call.arguments().get("question")));
              return order.find()
                  ? CallToolResult.builder()
                      .addTextContent(
                          "Order "
                              + order.group(1)
                              + " left the warehouse today; tracking number TRK-"
                              + order.group(1)
                              + ".")
                      .build()
                  : CallToolResult.builder()
                      .addTextContent("No order number in the question.")
                      .isError(true)
                      .build();
            })
        .build();
  }

  /** The server's MCP endpoint. */
  String url() {
    return "http://127.0.0.1:"
        + ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort()
        + "/mcp";
  }

  @Override
  public void close() {
    server.closeGracefully();
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the orders MCP server did not stop", e);
    }
  }
}
