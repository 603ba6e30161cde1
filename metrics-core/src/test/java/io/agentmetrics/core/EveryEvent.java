package io.agentmetrics.core;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.DeclaredEvents;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.InFlightWork;
import io.agentmetrics.api.Integration;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.QueuedTaskState;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.TaskStatus;
import io.agentmetrics.api.ToolCall;

/** Records one of every event of the facade, plus the events that raise each self-metric. */
final class EveryEvent {

  private EveryEvent() {}

  static void recordAll(AgentMetrics metrics) {
    DeclaredEvents.recordExamples(metrics); // the events the model declares, from its examples
    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o")
            .agent("support")
            .team("payments")
            .durationSeconds(0.8)
            .timeToFirstChunkSeconds(0.2)
            .chunkIntervalsSeconds(0.02, 0.03, 0.05)
            .tokens(1200, 300)
            .cachedTokens(400)
            .cacheWriteTokens(200)
            .reasoningTokens(100)
            .tokensSavedByCompression(50)
            .tokensSavedByRouting(20)
            .build());
    metrics.agentRunStarted("support");
    metrics.agentRun(AgentRun.success("support", 1.5).withCalls(3, 2));
    metrics.agentStartup("support", 0.6);
    metrics.toolCall(ToolCall.success("support", "web_search", 0.3));
    metrics.taskStarted("support", "inbox");
    metrics.taskFinished(new TaskResult("support", "inbox", TaskStatus.COMPLETED, 2));
    metrics.queueDepth("inbox", 3);
    metrics.tasksBlocked("inbox", 1);
    metrics.approvalRequested("support");
    metrics.approvalDecided("support", ApprovalDecision.APPROVED, 12);
    metrics.approvalEscalated("support");
    metrics.skillAccess("support", "send_email", true);
    metrics.permissionEscalationRequested("support");
    metrics.activePermissions("support", 4);
    metrics.policyViolation("support", "prompt_injection");
    metrics.ragRetrieval(new RagRetrieval("support", "pgvector", 0.12, 5, 0.7, 0.03));
    metrics.vectorStoreQuery("pgvector", 0.01);
    metrics.cacheLookup("prompt", true);
    metrics.message("support", "slack", Direction.OUTBOUND);
    metrics.featureUsed("summarize");
    // The MCP kinds the model's one example (a client's operation) leaves out.
    metrics.mcpServerOperation("tools/call", "search_docs", "pipe", 0.2, null);
    metrics.mcpClientSession("pipe", 30, null);
    // The workflow kind the model's one example (a step) leaves out, and a call made in a step.
    metrics.workflowRun("refund_review", 6.5, null);
    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o")
            .agent("fraud_check")
            .durationSeconds(1.1)
            .tokens(800, 100)
            .workflowStep("refund_review", "fraud_check")
            .build());
    metrics.activeSessions("support", 2);
    metrics.inFlight("support-host:4242", "support", InFlightWork.RUNS, 1);
    metrics.queueReport("support-host:4242", "inbox", QueuedTaskState.WAITING, 3);
    metrics.budget(BudgetPeriod.MONTHLY, 500);
    metrics.integrationFailed(Integration.SPRING_AI);

    // Self-metrics: an unknown model, a rejected value and a distinct-value overflow.
    metrics.llmCall(
        LlmCall.builder("openai", "not-a-listed-model").durationSeconds(0.1).tokens(1, 1).build());
    metrics.agentStartup("support", -1);
    for (int i = 0; i <= 20; i++) {
      metrics.vectorStoreQuery("store-" + i, 0.01);
    }
  }
}
