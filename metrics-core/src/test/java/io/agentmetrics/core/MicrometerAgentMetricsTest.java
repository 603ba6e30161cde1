package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.ApprovalDecision;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.TaskResult;
import io.agentmetrics.api.TaskStatus;
import io.agentmetrics.api.ToolCall;
import io.agentmetrics.api.ToolKind;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records through the facade into a real PrometheusMeterRegistry and checks the exact scrape. */
class MicrometerAgentMetricsTest {

  private static final String GPT4O =
      "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"";
  private static final String GPT4O_OK = "error_type=\"\"," + GPT4O;
  private static final String SUPPORT_TOKENS =
      "gen_ai_agent_name=\"support\","
          + GPT4O
          + ",gen_ai_token_modality=\"unknown\",team=\"payments\"";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();

  private List<String> scrape() {
    return new Scrape(registry).lines();
  }

  @Test
  void llmCallDurationUsesTheGenAiBucketsAndBaseUnitSeconds() {
    metrics.llmCall(LlmCall.builder("openai", "gpt-4o").durationSeconds(0.5).build());
    metrics.llmCall(LlmCall.builder("openai", "gpt-4o").durationSeconds(3).build());

    String bucket = "gen_ai_client_inference_duration_seconds_bucket{" + GPT4O_OK + ",le=\"";
    assertThat(scrape())
        .containsSubsequence(
            "# HELP gen_ai_client_inference_duration_seconds Duration of GenAI client inference"
                + " operations (LLM calls); error_type is set on failures only.",
            "# TYPE gen_ai_client_inference_duration_seconds histogram",
            bucket + "0.01\"} 0",
            bucket + "0.02\"} 0",
            bucket + "0.04\"} 0",
            bucket + "0.08\"} 0",
            bucket + "0.16\"} 0",
            bucket + "0.32\"} 0",
            bucket + "0.64\"} 1",
            bucket + "1.28\"} 1",
            bucket + "2.56\"} 1",
            bucket + "5.12\"} 2",
            bucket + "10.24\"} 2",
            bucket + "20.48\"} 2",
            bucket + "40.96\"} 2",
            bucket + "81.92\"} 2",
            bucket + "+Inf\"} 2",
            "gen_ai_client_inference_duration_seconds_count{" + GPT4O_OK + "} 2",
            "gen_ai_client_inference_duration_seconds_sum{" + GPT4O_OK + "} 3.5",
            "gen_ai_client_inference_duration_seconds_max{" + GPT4O_OK + "} 3.0");
    assertThat(scrape()).noneMatch(line -> line.contains("time_to_first_chunk"));
  }

  @Test
  void errorTypeIsSetOnFailuresOnly() {
    metrics.llmCall(LlmCall.builder("anthropic", "claude-sonnet-4-5").durationSeconds(1).build());
    metrics.llmCall(
        LlmCall.builder("anthropic", "claude-sonnet-4-5")
            .durationSeconds(1.25)
            .errorType("RateLimitError")
            .build());

    String call =
        "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"anthropic\","
            + "gen_ai_request_model=\"claude-sonnet-4-5\"";
    assertThat(scrape())
        .contains(
            "gen_ai_client_inference_duration_seconds_count{error_type=\"RateLimitError\","
                + call
                + "} 1",
            // An empty label is an absent label to Prometheus: error_type!="" selects failures.
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\"," + call + "} 1")
        .noneMatch(line -> line.contains("outcome="));
  }

  @Test
  void customProvidersAndOperationsKeepTheirOwnValues() {
    metrics.llmCall(
        LlmCall.builder("openrouter", "meta-llama/llama-3.1-70b")
            .operation("generate_content")
            .durationSeconds(0.4)
            .tokens(10, 5)
            .build());

    assertThat(scrape())
        .contains(
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\","
                + "gen_ai_operation_name=\"generate_content\",gen_ai_provider_name=\"openrouter\","
                + "gen_ai_request_model=\"meta-llama/llama-3.1-70b\"} 1")
        .noneMatch(line -> line.startsWith("agentmetrics_recordings_rejected_total{"));
  }

  @Test
  void tokensByKindAreSeparateCountersSoNoSumCountsATokenTwice() {
    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o")
            .agent("support")
            .team("payments")
            .durationSeconds(0.5)
            .timeToFirstChunkSeconds(0.1)
            .chunkIntervalsSeconds(0.02, 0.03)
            .tokens(1000, 500)
            .cachedTokens(200)
            .cacheWriteTokens(100)
            .reasoningTokens(0)
            .tokensSavedByCompression(300)
            .tokensSavedByRouting(40)
            .build());

    List<String> lines = scrape();
    assertThat(lines)
        .contains(
            "gen_ai_client_inference_time_to_first_chunk_seconds_bucket{"
                + GPT4O
                + ",le=\"0.08\"} 0",
            "gen_ai_client_inference_time_to_first_chunk_seconds_bucket{"
                + GPT4O
                + ",le=\"0.1\"} 1",
            "gen_ai_client_inference_time_to_first_chunk_seconds_sum{" + GPT4O + "} 0.1",
            "gen_ai_client_inference_time_per_output_chunk_seconds_count{" + GPT4O + "} 2",
            "gen_ai_client_inference_time_per_output_chunk_seconds_sum{" + GPT4O + "} 0.05",
            "gen_ai_client_inference_usage_input_tokens_total{" + SUPPORT_TOKENS + "} 1000.0",
            "gen_ai_client_inference_usage_output_tokens_total{" + SUPPORT_TOKENS + "} 500.0",
            "gen_ai_client_inference_usage_cache_read_input_tokens_total{"
                + SUPPORT_TOKENS
                + "} 200.0",
            "gen_ai_client_inference_usage_cache_write_input_tokens_total{"
                + SUPPORT_TOKENS
                + "} 100.0",
            "gen_ai_client_inference_operation_input_tokens_bucket{" + GPT4O + ",le=\"256.0\"} 0",
            "gen_ai_client_inference_operation_input_tokens_bucket{" + GPT4O + ",le=\"1024.0\"} 1",
            "gen_ai_client_inference_operation_output_tokens_sum{" + GPT4O + "} 500.0",
            // 800 uncached input at $2.50, 200 cached at $1.25, 500 output at $10 per million
            "agent_cost_usd_total{gen_ai_agent_name=\"support\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-4o\",team=\"payments\"} 0.00725",
            "agent_tokens_saved_total{gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\","
                + "mechanism=\"caching\"} 200.0",
            "agent_tokens_saved_total{gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\","
                + "mechanism=\"compression\"} 300.0",
            "agent_tokens_saved_total{gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\","
                + "mechanism=\"routing\"} 40.0");
    // A token count of 0 is "not reported" and records nothing.
    assertThat(lines).noneMatch(line -> line.startsWith("gen_ai_client_inference_usage_reasoning"));
  }

  @Test
  void reportedCostWinsOverThePriceTable() {
    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o")
            .agent("billing")
            .durationSeconds(1)
            .tokens(1_000_000, 0)
            .reportedCostUsd(0.42)
            .build());

    assertThat(scrape())
        .contains(
            "agent_cost_usd_total{gen_ai_agent_name=\"billing\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-4o\",team=\"\"} 0.42");
  }

  @Test
  void unknownModelRecordsTokensButNoCostAndIsCounted() {
    LlmCall call =
        LlmCall.builder("openai", "gpt-99-experimental").durationSeconds(1).tokens(10, 20).build();
    metrics.llmCall(call);
    metrics.llmCall(call);

    List<String> lines = scrape();
    assertThat(lines)
        .contains(
            "gen_ai_client_inference_usage_input_tokens_total{gen_ai_agent_name=\"unknown\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-99-experimental\",gen_ai_token_modality=\"unknown\","
                + "team=\"\"} 20.0",
            "agentmetrics_cost_unknown_model_total{gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-99-experimental\"} 2.0");
    assertThat(lines).noneMatch(line -> line.startsWith("agent_cost_usd_total{"));
  }

  @Test
  void agentRunsAndTheActiveGaugeThatNeverGoesBelowZero() {
    metrics.agentRunStarted("planner");
    metrics.agentRunStarted("planner");
    assertThat(scrape()).contains("agent_runs_active{gen_ai_agent_name=\"planner\"} 2.0");

    metrics.agentRun(AgentRun.success("planner", 0.3).withCalls(3, 1));
    metrics.agentRun(AgentRun.error("planner", 12, "TimeoutException"));
    metrics.agentRun(AgentRun.success("planner", 0.3).withCalls(5, 0));

    assertThat(scrape())
        .contains(
            "agent_runs_active{gen_ai_agent_name=\"planner\"} 0.0",
            "gen_ai_invoke_agent_duration_seconds_bucket{error_type=\"\","
                + "gen_ai_agent_name=\"planner\",le=\"0.2\"} 0",
            "gen_ai_invoke_agent_duration_seconds_bucket{error_type=\"\","
                + "gen_ai_agent_name=\"planner\",le=\"0.4\"} 2",
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"TimeoutException\","
                + "gen_ai_agent_name=\"planner\"} 1",
            "gen_ai_invoke_agent_duration_seconds_sum{error_type=\"TimeoutException\","
                + "gen_ai_agent_name=\"planner\"} 12.0",
            // Call counts are recorded once per run that reported them.
            "gen_ai_invoke_agent_inference_calls_count{gen_ai_agent_name=\"planner\"} 2",
            "gen_ai_invoke_agent_inference_calls_sum{gen_ai_agent_name=\"planner\"} 8.0",
            "gen_ai_invoke_agent_tool_calls_bucket{gen_ai_agent_name=\"planner\",le=\"1.0\"} 2");
  }

  @Test
  void tasksApprovalsAndSecurity() {
    metrics.taskStarted("worker", "inbox");
    metrics.taskStarted("worker", "inbox");
    metrics.taskFinished(new TaskResult("worker", "inbox", TaskStatus.FAILED, 4));
    metrics.queueDepth("inbox", 7);
    metrics.tasksBlocked("inbox", 2);
    metrics.approvalRequested("worker");
    metrics.approvalRequested("worker");
    metrics.approvalDecided("worker", ApprovalDecision.TIMED_OUT, 65);
    metrics.approvalEscalated("worker");
    metrics.skillAccess("worker", "send_email", false);
    metrics.permissionEscalationRequested("worker");
    metrics.activePermissions("worker", 3);
    metrics.policyViolation("worker", "prompt_injection");

    assertThat(scrape())
        .contains(
            "agent_tasks_started_total{gen_ai_agent_name=\"worker\",queue=\"inbox\"} 2.0",
            "agent_tasks_active{gen_ai_agent_name=\"worker\"} 1.0",
            "agent_task_duration_seconds_bucket{gen_ai_agent_name=\"worker\",queue=\"inbox\","
                + "status=\"failed\",le=\"1.0\"} 0",
            "agent_task_duration_seconds_bucket{gen_ai_agent_name=\"worker\",queue=\"inbox\","
                + "status=\"failed\",le=\"5.0\"} 1",
            "agent_task_queue_depth{queue=\"inbox\"} 7.0",
            "agent_tasks_blocked{queue=\"inbox\"} 2.0",
            "agent_approval_requests_total{gen_ai_agent_name=\"worker\"} 2.0",
            "agent_approvals_pending{gen_ai_agent_name=\"worker\"} 1.0",
            "agent_approval_response_duration_seconds_bucket{decision=\"timed_out\","
                + "gen_ai_agent_name=\"worker\",le=\"60.0\"} 0",
            "agent_approval_response_duration_seconds_bucket{decision=\"timed_out\","
                + "gen_ai_agent_name=\"worker\",le=\"120.0\"} 1",
            "agent_approval_escalations_total{gen_ai_agent_name=\"worker\"} 1.0",
            "agent_skill_access_total{decision=\"denied\",gen_ai_agent_name=\"worker\","
                + "skill=\"send_email\"} 1.0",
            "agent_permission_escalation_requests_total{gen_ai_agent_name=\"worker\"} 1.0",
            "agent_permissions_active{gen_ai_agent_name=\"worker\"} 3.0",
            "agent_policy_violations_total{gen_ai_agent_name=\"worker\","
                + "violation_type=\"prompt_injection\"} 1.0");
  }

  @Test
  void toolsRagCachesMessagesFeaturesSessionsAndBudget() {
    metrics.toolCall(new ToolCall("worker", "web_search", ToolKind.SKILL, 0.2, "IOException"));
    metrics.ragRetrieval(new RagRetrieval("worker", "pgvector", 0.15, 4, 0.85, 0.04));
    metrics.vectorStoreQuery("pgvector", 0.02);
    metrics.cacheLookup("prompt", true);
    metrics.cacheLookup("prompt", false);
    metrics.cacheLookup("prompt", true);
    metrics.message("worker", "slack", Direction.INBOUND);
    metrics.featureUsed("summarize");
    metrics.activeSessions("worker", 12);
    metrics.budget(BudgetPeriod.DAILY, 25);
    metrics.agentStartup("worker", 0.8);

    assertThat(scrape())
        .contains(
            "gen_ai_execute_tool_duration_seconds_count{error_type=\"IOException\","
                + "gen_ai_agent_name=\"worker\",gen_ai_tool_name=\"web_search\","
                + "gen_ai_tool_type=\"skill\"} 1",
            "agent_rag_retrieval_duration_seconds_bucket{gen_ai_agent_name=\"worker\","
                + "store=\"pgvector\",le=\"0.2\"} 1",
            "agent_rag_documents_retrieved_bucket{gen_ai_agent_name=\"worker\",store=\"pgvector\","
                + "le=\"3.0\"} 0",
            "agent_rag_documents_retrieved_bucket{gen_ai_agent_name=\"worker\",store=\"pgvector\","
                + "le=\"5.0\"} 1",
            "agent_rag_relevance_score_count{gen_ai_agent_name=\"worker\",store=\"pgvector\"} 1",
            "agent_rag_relevance_score_sum{gen_ai_agent_name=\"worker\",store=\"pgvector\"} 0.85",
            "agent_vectorstore_query_duration_seconds_count{store=\"pgvector\"} 2",
            "agent_vectorstore_query_duration_seconds_sum{store=\"pgvector\"} 0.06",
            "agent_cache_requests_total{cache=\"prompt\",result=\"hit\"} 2.0",
            "agent_cache_requests_total{cache=\"prompt\",result=\"miss\"} 1.0",
            "agent_messages_total{channel=\"slack\",direction=\"inbound\","
                + "gen_ai_agent_name=\"worker\"} 1.0",
            "agent_feature_usage_total{feature=\"summarize\"} 1.0",
            "agent_sessions_active{gen_ai_agent_name=\"worker\"} 12.0",
            "agent_budget_limit_usd{period=\"daily\",team=\"\"} 25.0",
            "agent_startup_duration_seconds_bucket{gen_ai_agent_name=\"worker\",le=\"1.0\"} 1");
  }

  @Test
  void theCallsOfAWorkflowStepCountTheirTokensAndCostByStepBesideTheirOwnCounters() {
    metrics.workflowStep("refund_review", "fraud_check", 2.5, null);
    for (int i = 0; i < 2; i++) {
      metrics.llmCall(
          LlmCall.builder("openai", "gpt-4o")
              .agent("fraud_check")
              .durationSeconds(1)
              .tokens(1000, 200)
              .workflowStep("refund_review", "fraud_check")
              .build());
    }
    metrics.llmCall(LlmCall.builder("openai", "gpt-4o").durationSeconds(1).tokens(50, 10).build());

    double call = PriceTable.bundled().costUsd("openai", "gpt-4o", 1000, 200, 0).getAsDouble();
    String step = "{gen_ai_workflow_name=\"refund_review\",workflow_step=\"fraud_check\"}";
    assertThat(scrape())
        .contains(
            "agent_workflow_step_input_tokens_total" + step + " 2000.0",
            "agent_workflow_step_output_tokens_total" + step + " 400.0",
            "agent_workflow_step_cost_usd_total" + step + " " + (2 * call),
            "agent_workflow_step_duration_seconds_count{error_type=\"\","
                + "gen_ai_workflow_name=\"refund_review\",workflow_step=\"fraud_check\"} 1");
  }
}
