package io.agentmetrics.server.demo;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.RunStatus;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.TaskStatus;
import io.agentmetrics.api.ToolCall;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.server.demo.DemoFleet.Agent;
import io.agentmetrics.server.demo.DemoFleet.Model;
import java.util.List;

/**
 * What one simulated agent does during a run, drawn from realistic distributions: LLM calls with
 * log-normal latency and tokens and about 3 % errors, RAG retrievals, tool and skill calls,
 * security checks, and how runs, tasks and approvals end.
 */
final class AgentActivity {

  private static final String REFUND_REVIEW = "refund_review";
  private static final List<String> REFUND_REVIEW_STEPS = List.of("triage", "drafter");

  private static final double APPROVAL_SLA_SECONDS = 300;

  private final AgentMetrics metrics;
  private final Sampler sample;

  AgentActivity(AgentMetrics metrics, Sampler sample) {
    this.metrics = metrics;
    this.sample = sample;
  }

  void llmCall(Agent agent, Model model, boolean streamed, String error) {
    long input = sample.count(1200, 0.8, 20);
    long output = error != null ? 0 : sample.count(300, 0.7, 1);
    long cachedInput = sample.chance(0.4) ? Math.round(input * sample.between(0.2, 0.8)) : 0;
    double duration =
        error != null && error.equals("APITimeoutError")
            ? 60
            : sample.logNormal(model.medianSeconds(), 0.5);
    LlmCall.Builder call =
        LlmCall.builder(model.provider(), model.name())
            .agent(agent.name())
            .team(agent.queue())
            .operation(model.operation())
            .durationSeconds(duration)
            .errorType(error)
            .tokens(input, output)
            .cachedTokens(cachedInput)
            .cacheWriteTokens(cachedInput == 0 && sample.chance(0.2) ? Math.round(input * 0.5) : 0)
            .reasoningTokens(model.reasoning() ? Math.round(output * sample.between(0.2, 0.6)) : 0);
    if (streamed && error == null) {
      double firstChunk = Math.min(duration, sample.logNormal(0.35, 0.5));
      call.timeToFirstChunkSeconds(firstChunk);
      int chunks = (int) Math.max(1, Math.min(200, output / 8));
      double[] intervals = new double[chunks];
      for (int i = 0; i < chunks; i++) {
        intervals[i] = (duration - firstChunk) / chunks;
      }
      call.chunkIntervalsSeconds(intervals);
    }
    if (sample.chance(0.2)) {
      call.tokensSavedByCompression(sample.count(400, 0.6, 1));
    }
    if (model == agent.routedModel() || sample.chance(0.05)) {
      call.tokensSavedByRouting(sample.count(800, 0.5, 1));
    }
    metrics.llmCall(call.build());
  }

  /**
   * A refund review: a workflow of two steps (triage, then a drafted reply), each an LLM call
   * counted by step, a step failing now and then.
   */
  void refundReview(Agent agent) {
    double total = 0;
    String failed = null;
    for (String step : REFUND_REVIEW_STEPS) {
      Model model = agent.model();
      double seconds = sample.logNormal(model.medianSeconds(), 0.5);
      metrics.llmCall(
          LlmCall.builder(model.provider(), model.name())
              .agent(agent.name())
              .team(agent.queue())
              .operation(model.operation())
              .durationSeconds(seconds)
              .tokens(sample.count(900, 0.6, 20), sample.count(200, 0.6, 1))
              .workflowStep(REFUND_REVIEW, step)
              .build());
      String error = sample.chance(0.03) ? "timeout" : null;
      metrics.workflowStep(REFUND_REVIEW, step, seconds + 0.05, error);
      total += seconds + 0.05;
      if (error != null) {
        failed = error;
        break;
      }
    }
    metrics.workflowRun(REFUND_REVIEW, total + 0.02, failed);
  }

  void ragRetrieval(Agent agent) {
    if (!sample.chance(0.5)) {
      return;
    }
    boolean embeddingCached = sample.chance(0.6);
    metrics.cacheLookup("embedding", embeddingCached);
    if (!embeddingCached) {
      llmCall(agent, DemoFleet.EMBEDDINGS, false, null);
    }
    double vectorSeconds = sample.logNormal(0.04, 0.6);
    metrics.ragRetrieval(
        new RagRetrieval(
            agent.name(),
            sample.pick(DemoFleet.VECTOR_STORES),
            vectorSeconds + sample.logNormal(0.12, 0.5),
            sample.intBetween(1, 12),
            Math.min(1, sample.between(0.45, 0.98)),
            vectorSeconds));
  }

  void toolCalls(Agent agent) {
    int calls = sample.intBetween(0, 3);
    for (int i = 0; i < calls; i++) {
      boolean skill = sample.chance(0.25);
      String name = sample.pick(skill ? agent.skills() : agent.tools());
      String error = sample.chance(0.04) ? sample.pick(DemoFleet.TOOL_ERRORS) : null;
      double seconds = "ToolTimeout".equals(error) ? 30 : sample.logNormal(0.2, 1.0);
      metrics.toolCall(
          new ToolCall(agent.name(), name, skill ? ToolKind.SKILL : ToolKind.TOOL, seconds, error));
    }
  }

  void securityChecks(Agent agent) {
    if (sample.chance(0.3)) {
      metrics.skillAccess(agent.name(), sample.pick(agent.skills()), !sample.chance(0.06));
    }
    if (sample.chance(0.01)) {
      metrics.permissionEscalationRequested(agent.name());
    }
    if (sample.chance(0.005)) {
      metrics.policyViolation(agent.name(), sample.pick(DemoFleet.VIOLATIONS));
    }
  }

  void finishRun(DemoWorkload.InFlight run) {
    double seconds = run.seconds();
    double roll = sample.between(0, 1);
    AgentRun result;
    if (roll < 0.02) {
      result = AgentRun.error(run.agent().name(), seconds, sample.pick(DemoFleet.LLM_ERRORS));
    } else if (roll < 0.03) {
      result = new AgentRun(run.agent().name(), RunStatus.TIMEOUT, seconds, "Timeout");
    } else if (roll < 0.04) {
      result = new AgentRun(run.agent().name(), RunStatus.CANCELLED, seconds, null);
    } else {
      result = AgentRun.success(run.agent().name(), seconds);
    }
    metrics.agentRun(result.withCalls(sample.intBetween(1, 8), sample.intBetween(0, 6)));
    metrics.message(run.agent().name(), run.agent().channel(), Direction.OUTBOUND);
  }

  void finishTask(DemoWorkload.InFlight task) {
    double roll = sample.between(0, 1);
    TaskStatus status =
        roll < 0.03 ? TaskStatus.FAILED : roll < 0.04 ? TaskStatus.CANCELLED : TaskStatus.COMPLETED;
    metrics.taskFinished(
        new TaskResult(task.agent().name(), task.agent().queue(), status, task.seconds()));
  }

  void decideApproval(DemoWorkload.InFlight approval) {
    // A human's wait: waits past a minute are compressed into at most a minute of ticks.
    double wait = approval.seconds();
    String agent = approval.agent().name();
    if (wait > APPROVAL_SLA_SECONDS) {
      metrics.approvalEscalated(agent);
    }
    double roll = sample.between(0, 1);
    ApprovalDecision decision =
        wait > 3 * APPROVAL_SLA_SECONDS
            ? ApprovalDecision.TIMED_OUT
            : roll < 0.85 ? ApprovalDecision.APPROVED : ApprovalDecision.DENIED;
    metrics.approvalDecided(agent, decision, wait);
  }
}
