package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.core.IntegrationGuard;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * A {@code ChatClient} call ({@code ChatClientObservationContext}) and the inference and tool calls
 * Spring AI makes inside it: counted for the agentmetrics run open on the calling thread ({@code
 * metrics.startRun(..)}) when there is one, else recorded as an agent run of its own with those
 * counts ({@code gen_ai.invoke_agent.inference_calls} and {@code .tool_calls}).
 */
final class ChatClientRunHandler extends TimedHandler<ChatClientObservationContext> {

  /** The observation context class this handler needs: the handler is made only where it is. */
  static final String CONTEXT_CLASS =
      "org.springframework.ai.chat.client.observation.ChatClientObservationContext";

  ChatClientRunHandler(AgentMetrics metrics, Attribution attribution, IntegrationGuard failures) {
    super(metrics, attribution, failures, ChatClientObservationContext.class, "chat client");
  }

  @Override
  void started(ChatClientObservationContext context) {
    if (RunCalls.start(context).run == null) {
      metrics.agentRunStarted(attribution.agent());
    }
  }

  @Override
  void record(ChatClientObservationContext context, long startNanos, double seconds) {
    RunCalls calls = RunCalls.of(context);
    if (calls == null) {
      return;
    }
    if (calls.run != null) {
      calls.run.countCalls(calls.inference.get(), calls.tools.get());
      return;
    }
    String errorType = context.getError() == null ? null : ErrorTypes.of(context.getError());
    metrics.agentRun(
        AgentRun.ended(attribution.agent(), seconds, errorType)
            .withCalls(calls.inference.get(), calls.tools.get()));
  }
}
