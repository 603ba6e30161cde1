package io.agentmetrics.mcp;

import static io.agentmetrics.api.McpNames.TOOLS_CALL;
import static io.agentmetrics.api.McpNames.TOOL_ERROR;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.core.IntegrationGuard;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** A server's tool whose calls are recorded as {@code tools/call} operations of the server. */
final class TimedTool {

  private final AgentMetrics metrics;
  private final IntegrationGuard failures;
  private final String transport;

  TimedTool(AgentMetrics metrics, IntegrationGuard failures, String transport) {
    this.metrics = metrics;
    this.failures = failures;
    this.transport = transport;
  }

  SyncToolSpecification wrap(SyncToolSpecification tool) {
    String name = tool.tool().name();
    return new SyncToolSpecification(
        tool.tool(),
        (exchange, request) -> {
          long start = metrics.ticker().nanos();
          String error = null;
          try {
            CallToolResult result = tool.callHandler().apply(exchange, request);
            error = result != null && Boolean.TRUE.equals(result.isError()) ? TOOL_ERROR : null;
            return result;
          } catch (RuntimeException | Error e) {
            error = ErrorTypes.of(e);
            throw e;
          } finally {
            String errorType = error;
            failures.guard(
                "tool call",
                () ->
                    metrics.mcpServerOperation(
                        TOOLS_CALL,
                        name,
                        transport,
                        metrics.ticker().secondsSince(start),
                        errorType));
          }
        });
  }
}
