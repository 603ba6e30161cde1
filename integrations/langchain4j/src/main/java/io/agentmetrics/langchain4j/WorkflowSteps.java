package io.agentmetrics.langchain4j;

import io.agentmetrics.api.LlmCall;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The workflow step each thread is running, as {@link AgentRunListener} sees the sub-agents of
 * {@code langchain4j-agentic}'s workflows start and end, so that the chat calls a step makes are
 * counted under it. LangChain4j runs a sub-agent, its listener's events and its model calls on one
 * thread (a parallel workflow's on the executor's threads).
 */
final class WorkflowSteps {

  /** A step: the workflow and the sub-agent. */
  record Step(String workflow, String step) {}

  private final ThreadLocal<Deque<Step>> running = new ThreadLocal<>();

  void entered(Step step) {
    Deque<Step> steps = running.get();
    if (steps == null) {
      steps = new ArrayDeque<>();
      running.set(steps);
    }
    steps.push(step);
  }

  void left(Step step) {
    Deque<Step> steps = running.get();
    if (steps != null) {
      steps.removeFirstOccurrence(step);
      if (steps.isEmpty()) {
        running.remove();
      }
    }
  }

  /** The step this thread runs, or null outside any workflow. */
  Step current() {
    Deque<Step> steps = running.get();
    return steps == null ? null : steps.peek();
  }

  /** {@code call} attributed to the step this thread runs, if any. */
  LlmCall.Builder attributed(LlmCall.Builder call) {
    Step step = current();
    return step == null ? call : call.workflowStep(step.workflow(), step.step());
  }
}
