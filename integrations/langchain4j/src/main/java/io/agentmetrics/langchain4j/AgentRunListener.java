package io.agentmetrics.langchain4j;

import dev.langchain4j.agentic.observability.AgentInvocationError;
import dev.langchain4j.agentic.observability.AgentListener;
import dev.langchain4j.agentic.observability.AgentRequest;
import dev.langchain4j.agentic.observability.AgentResponse;
import dev.langchain4j.agentic.planner.AgentInstance;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.core.IntegrationGuard;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code langchain4j-agentic} invocations: an AI agent's as an agent run under its own name (the
 * active-run gauge up before it, the run recorded after it, successful or failed with the
 * exception's class); a workflow's (a sequence, parallel, loop or conditional agent) as a workflow
 * run ({@code invoke_workflow}); and each sub-agent a workflow invokes as a step of that workflow,
 * the chat calls it makes counted under the step too. Inherited by sub-agents, so one registration
 * covers a whole agentic system.
 */
public final class AgentRunListener implements AgentListener {

  /** The topologies of the agents that are workflows rather than agents. */
  private static final Set<String> WORKFLOWS = Set.of("SEQUENCE", "PARALLEL", "LOOP", "ROUTER");

  private final AgentMetrics metrics;
  private final IntegrationGuard failures;
  private final WorkflowSteps steps;
  private final Map<String, Started> started = new ConcurrentHashMap<>();

  /** An invocation under way: when it started, and the step it is, if it is one. */
  private record Started(long nanos, WorkflowSteps.Step step) {}

  /** A listener recording through {@code bridge}'s recorder. */
  public AgentRunListener(LangChain4jBridge bridge) {
    this.metrics = bridge.metrics();
    this.failures = bridge.failures();
    this.steps = bridge.workflowSteps();
  }

  @Override
  public void beforeAgentInvocation(AgentRequest request) {
    failures.guard(
        "agent invocation",
        () -> {
          AgentInstance agent = request.agent();
          AgentInstance parent = agent == null ? null : agent.parent();
          WorkflowSteps.Step step =
              isWorkflow(parent)
                  ? new WorkflowSteps.Step(parent.name(), request.agentName())
                  : null;
          started.put(
              key(request.agentId(), request.agenticScope()),
              new Started(metrics.ticker().nanos(), step));
          if (step != null) {
            steps.entered(step);
          }
          if (!isWorkflow(agent)) {
            metrics.agentRunStarted(request.agentName());
          }
        });
  }

  @Override
  public void afterAgentInvocation(AgentResponse response) {
    failures.guard(
        "agent invocation",
        () ->
            finish(
                response.agent(),
                response.agentName(),
                key(response.agentId(), response.agenticScope()),
                null));
  }

  @Override
  public void onAgentInvocationError(AgentInvocationError error) {
    failures.guard(
        "agent invocation",
        () ->
            finish(
                error.agent(),
                error.agentName(),
                key(error.agentId(), error.agenticScope()),
                LangChain4jBridge.errorType(error.error())));
  }

  @Override
  public boolean inheritedBySubagents() {
    return true;
  }

  private void finish(AgentInstance agent, String name, String key, String errorType) {
    Started start = started.remove(key);
    if (start == null) {
      return;
    }
    double seconds = metrics.ticker().secondsSince(start.nanos());
    if (start.step() != null) {
      steps.left(start.step());
      metrics.workflowStep(start.step().workflow(), start.step().step(), seconds, errorType);
    }
    if (isWorkflow(agent)) {
      metrics.workflowRun(name, seconds, errorType);
    } else {
      metrics.agentRun(AgentRun.ended(name, seconds, errorType));
    }
  }

  private static boolean isWorkflow(AgentInstance agent) {
    return agent != null && agent.topology() != null && WORKFLOWS.contains(agent.topology().name());
  }

  private static String key(String agentId, Object scope) {
    return agentId + "@" + System.identityHashCode(scope);
  }
}
