package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.api.ToolCall;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.core.IntegrationGuard;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A tool execution ({@code ToolCallingObservationContext}) as a {@link ToolCall} of type {@code
 * function}: the tool's name, duration, and the exception's class on failure.
 */
final class ToolCallObservationHandler extends TimedHandler<ToolCallingObservationContext> {

  ToolCallObservationHandler(
      AgentMetrics metrics, Attribution attribution, IntegrationGuard failures) {
    super(metrics, attribution, failures, ToolCallingObservationContext.class, "tool calling");
  }

  @Override
  void started(ToolCallingObservationContext context) {
    RunCalls calls = RunCalls.above(context);
    if (calls != null) {
      calls.tools.incrementAndGet();
    }
  }

  @Override
  void record(ToolCallingObservationContext context, long startNanos, double seconds) {
    String tool =
        context.getToolDefinition() == null ? "unknown" : context.getToolDefinition().name();
    String error = context.getError() == null ? null : ErrorTypes.of(context.getError());
    metrics.toolCall(new ToolCall(attribution.agent(), tool, ToolKind.TOOL, seconds, error));
  }
}
