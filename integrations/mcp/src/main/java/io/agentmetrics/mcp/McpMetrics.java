package io.agentmetrics.mcp;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Integration;
import io.agentmetrics.api.McpNames;
import io.agentmetrics.core.IntegrationGuard;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.util.List;
import java.util.Objects;

/**
 * The MCP bridge: the MCP Java SDK's client transports and server tools, recorded as the GenAI
 * conventions' MCP metrics ({@code mcp.client.operation.duration}, {@code
 * mcp.client.session.duration}, {@code mcp.server.operation.duration}) through {@link
 * AgentMetrics}. One line each:
 *
 * <pre>{@code
 * McpMetrics mcp = McpMetrics.of(metrics);
 * McpSyncClient client = McpClient.sync(mcp.client(transport)).build();          // a client
 * McpServer.sync(provider).tools(mcp.tools(McpMetrics.TCP, toolSpecifications))...; // a server
 * }</pre>
 *
 * Nothing the bridge does is thrown into the SDK: a failure of its own is counted in {@code
 * agentmetrics_integration_failures_total{integration="mcp"}} and logged once.
 */
public final class McpMetrics {

  /** {@code network.transport} of stdio. */
  public static final String PIPE = McpNames.PIPE;

  /** {@code network.transport} of streamable HTTP and SSE. */
  public static final String TCP = McpNames.TCP;

  private final AgentMetrics metrics;
  private final IntegrationGuard failures;

  private McpMetrics(AgentMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.failures = new IntegrationGuard(metrics, Integration.MCP, "the MCP SDK");
  }

  /** A bridge recording into {@code metrics}. */
  public static McpMetrics of(AgentMetrics metrics) {
    return new McpMetrics(metrics);
  }

  /**
   * {@code transport}, each request it carries timed from sending to its response, and its session
   * from connecting to closing: use it instead of {@code transport}. Stdio is {@code pipe}, every
   * other transport {@code tcp}.
   */
  public McpClientTransport client(McpClientTransport transport) {
    Objects.requireNonNull(transport, "transport");
    String network = transport instanceof StdioClientTransport ? PIPE : TCP;
    return new TimedClientTransport(transport, network, metrics, failures);
  }

  /**
   * {@code tool}, each call of it timed as a {@code tools/call} of a server on {@code transport}
   * ({@link #PIPE} or {@link #TCP}): an exception is an error of its class, a result with {@code
   * isError} the error {@code tool_error}.
   */
  public SyncToolSpecification tool(String transport, SyncToolSpecification tool) {
    return new TimedTool(metrics, failures, Objects.requireNonNull(transport, "transport"))
        .wrap(tool);
  }

  /** {@link #tool(String, SyncToolSpecification)} for each of {@code tools}. */
  public List<SyncToolSpecification> tools(String transport, List<SyncToolSpecification> tools) {
    return tools.stream().map(tool -> tool(transport, tool)).toList();
  }
}
