package io.agentmetrics.langchain4j;

import dev.langchain4j.agentic.observability.AgentInvocationError;
import dev.langchain4j.agentic.observability.AgentListener;
import dev.langchain4j.agentic.observability.AgentRequest;
import dev.langchain4j.agentic.observability.AgentResponse;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.RunStatus;
import io.agentmetrics.core.IntegrationGuard;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code langchain4j-agentic} agent invocations as agent runs under each agent's own name: the run
 * starts (active-run gauge up) before the invocation and is recorded after it, successful or failed
 * with the exception's class. Inherited by sub-agents, so one registration covers a whole agentic
 * system.
 */
public final class AgentRunListener implements AgentListener {

  private final AgentMetrics metrics;
  private final IntegrationGuard failures;
  private final Map<String, Long> starts = new ConcurrentHashMap<>();

  /** A listener recording through {@code bridge}'s recorder. */
  public AgentRunListener(LangChain4jBridge bridge) {
    this.metrics = bridge.metrics();
    this.failures = bridge.failures();
  }

  @Override
  public void beforeAgentInvocation(AgentRequest request) {
    failures.guard(
        "agent invocation",
        () -> {
          starts.put(key(request.agentId(), request.agenticScope()), metrics.ticker().nanos());
          metrics.agentRunStarted(request.agentName());
        });
  }

  @Override
  public void afterAgentInvocation(AgentResponse response) {
    failures.guard(
        "agent invocation",
        () ->
            finish(
                response.agentName(),
                key(response.agentId(), response.agenticScope()),
                RunStatus.SUCCESS,
                null));
  }

  @Override
  public void onAgentInvocationError(AgentInvocationError error) {
    failures.guard(
        "agent invocation",
        () ->
            finish(
                error.agentName(),
                key(error.agentId(), error.agenticScope()),
                RunStatus.ERROR,
                LangChain4jBridge.errorType(error.error())));
  }

  @Override
  public boolean inheritedBySubagents() {
    return true;
  }

  private void finish(String agent, String key, RunStatus status, String errorType) {
    Long start = starts.remove(key);
    if (start != null) {
      double seconds = metrics.ticker().secondsSince(start);
      metrics.agentRun(new AgentRun(agent, status, seconds, errorType));
    }
  }

  private static String key(String agentId, Object scope) {
    return agentId + "@" + System.identityHashCode(scope);
  }
}
