package io.agentmetrics.api;

/**
 * The values the MCP bridges record that the GenAI conventions name: the tool call method, the
 * error of a tool that answered {@code isError}, and the two {@code network.transport} values.
 */
public final class McpNames {

  /** {@code mcp.method.name} of a tool call. */
  public static final String TOOLS_CALL = "tools/call";

  /**
   * {@code error.type} of a tool call whose result says {@code isError: true}: neither client nor
   * server throws for it, yet the call failed.
   */
  public static final String TOOL_ERROR = "tool_error";

  /** {@code network.transport} of stdio. */
  public static final String PIPE = "pipe";

  /** {@code network.transport} of streamable HTTP and SSE. */
  public static final String TCP = "tcp";

  private McpNames() {}
}
