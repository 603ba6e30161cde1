package io.agentmetrics.langchain4j;

import dev.langchain4j.service.tool.ToolExecution;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ToolCall;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.core.IntegrationGuard;
import java.util.function.Consumer;

/**
 * For AI services ({@code .afterToolExecution(new ToolExecutionRecorder(bridge))}): each tool
 * execution as a tool call of type {@code function}, with the duration LangChain4j measured, failed
 * when LangChain4j says so. A class of its own, so that the bridge needs LangChain4j's AI services
 * module only where this hook is used.
 */
public final class ToolExecutionRecorder implements Consumer<ToolExecution> {

  private final AgentMetrics metrics;
  private final String agent;
  private final IntegrationGuard failures;

  /** A hook recording through {@code bridge}'s recorder under its agent. */
  public ToolExecutionRecorder(LangChain4jBridge bridge) {
    this.metrics = bridge.metrics();
    this.agent = bridge.agent();
    this.failures = bridge.failures();
  }

  @Override
  public void accept(ToolExecution execution) {
    failures.guard(
        "tool execution",
        () -> {
          double seconds =
              execution.duration() == null ? Double.NaN : execution.duration().toNanos() / 1e9;
          String error = execution.hasFailed() ? "ToolExecutionFailed" : null;
          metrics.toolCall(
              new ToolCall(agent, execution.request().name(), ToolKind.TOOL, seconds, error));
        });
  }
}
