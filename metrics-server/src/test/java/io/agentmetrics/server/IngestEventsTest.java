package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each event type, posted to the ingest API, shows up in the next scrape with its values. */
class IngestEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(b -> b);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Scrape ingest(String... events) {
    HttpResponse<String> response =
        server.postEvents("application/json", "[" + String.join(",", events) + "]");
    JsonNode body = json(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(body.path("rejected").asInt()).as(response.body()).isZero();
    assertThat(body.path("accepted").asInt()).isEqualTo(events.length);
    return new Scrape(server.scrape());
  }

  static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  @Test
  void llmCallWithCostFromThePriceTable() {
    Scrape s =
        ingest(
            """
            {"type":"llm_call","provider":"openai","model":"gpt-4o","agent":"planner",
             "team":"payments","duration_seconds":1.5,"time_to_first_chunk_seconds":0.3,
             "chunk_intervals_seconds":[0.02,0.04],"input_tokens":1000,"output_tokens":200,
             "cached_tokens":100,"cache_write_tokens":300,"reasoning_tokens":50,
             "tokens_saved_by_compression":30,"tokens_saved_by_routing":40}""",
            """
            {"type":"llm_call","provider":"anthropic","model":"claude-haiku-4-5","operation":"chat",
             "duration_seconds":0.5,"error_type":"RateLimitError","cost_usd":0.25,"agent":"planner"}""",
            """
            {"type":"llm_call","kind":"budget","period":"daily","limit_usd":100}""");
    String[] gpt = {"gen_ai_provider_name", "openai", "gen_ai_request_model", "gpt-4o"};
    assertThat(
            s.value(
                "gen_ai_client_inference_duration_seconds_count", concat(gpt, "error_type", "")))
        .isEqualTo(1);
    assertThat(s.value("gen_ai_client_inference_duration_seconds_sum", gpt)).isEqualTo(1.5);
    assertThat(s.value("gen_ai_client_inference_time_to_first_chunk_seconds_sum", gpt))
        .isEqualTo(0.3);
    assertThat(s.value("gen_ai_client_inference_time_per_output_chunk_seconds_count", gpt))
        .isEqualTo(2);
    String[] payments = concat(gpt, "team", "payments");
    assertThat(s.value("gen_ai_client_inference_usage_input_tokens_total", payments))
        .isEqualTo(1000);
    assertThat(s.value("gen_ai_client_inference_usage_output_tokens_total", payments))
        .isEqualTo(200);
    assertThat(s.value("gen_ai_client_inference_usage_cache_read_input_tokens_total", payments))
        .isEqualTo(100);
    assertThat(s.value("gen_ai_client_inference_usage_cache_write_input_tokens_total", payments))
        .isEqualTo(300);
    assertThat(s.value("gen_ai_client_inference_usage_reasoning_output_tokens_total", payments))
        .isEqualTo(50);
    assertThat(s.value("gen_ai_client_inference_operation_input_tokens_sum", gpt)).isEqualTo(1000);
    assertThat(s.value("agent_tokens_saved_total", concat(gpt, "mechanism", "compression")))
        .isEqualTo(30);
    assertThat(s.value("agent_tokens_saved_total", concat(gpt, "mechanism", "routing")))
        .isEqualTo(40);
    // 900 input at $2.50, 100 cached at $1.25 and 200 output at $10 per million tokens.
    assertThat(s.value("agent_cost_usd_total", concat(payments, "gen_ai_agent_name", "planner")))
        .isCloseTo(0.004375, within(1e-12));

    String[] haiku = {
      "gen_ai_provider_name", "anthropic", "gen_ai_request_model", "claude-haiku-4-5"
    };
    assertThat(
            s.value(
                "gen_ai_client_inference_duration_seconds_count",
                concat(haiku, "error_type", "RateLimitError")))
        .isEqualTo(1);
    assertThat(s.value("agent_cost_usd_total", concat(haiku, "team", ""))).isEqualTo(0.25);
    assertThat(s.value("agent_budget_limit_usd", "period", "daily")).isEqualTo(100);
    assertThat(
            s.value(
                "agentmetrics_ingest_events_total", "event_type", "llm_call", "result", "accepted"))
        .isEqualTo(3);
  }

  /** The spec allows custom providers and operations: recorded under their own value. */
  @Test
  void customProvidersAndOperationsAreRecordedUnderTheirOwnValue() {
    Scrape s =
        ingest(
            """
            {"type":"llm_call","provider":"openrouter","model":"google/gemini-2.5-pro",
             "operation":"generate_content","duration_seconds":2,"input_tokens":10,
             "output_tokens":5}""");
    assertThat(
            s.value(
                "gen_ai_client_inference_duration_seconds_count",
                "gen_ai_provider_name",
                "openrouter",
                "gen_ai_operation_name",
                "generate_content",
                "gen_ai_request_model",
                "google/gemini-2.5-pro"))
        .isEqualTo(1);
    assertThat(
            s.value(
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_provider_name",
                "openrouter"))
        .isEqualTo(10);
    assertThat(
            s.value(
                "agentmetrics_ingest_events_total", "event_type", "llm_call", "result", "accepted"))
        .isEqualTo(1);
  }

  @Test
  void agentRunLifecycleStartupSessionsAndFeatures() {
    Scrape s = ingest("{\"type\":\"agent_run\",\"kind\":\"started\",\"agent\":\"planner\"}");
    assertThat(s.value("agent_runs_active", "gen_ai_agent_name", "planner")).isEqualTo(1);
    s =
        ingest(
            "{\"type\":\"agent_run\",\"agent\":\"planner\",\"status\":\"timeout\",\"duration_seconds\":30,\"inference_calls\":4,\"tool_calls\":2}",
            "{\"type\":\"agent_run\",\"kind\":\"startup\",\"agent\":\"planner\",\"duration_seconds\":1.25}",
            "{\"type\":\"agent_run\",\"kind\":\"sessions\",\"agent\":\"planner\",\"active_sessions\":7}",
            "{\"type\":\"agent_run\",\"kind\":\"feature\",\"feature\":\"ticket_triage\"}");
    assertThat(s.value("agent_runs_active", "gen_ai_agent_name", "planner")).isZero();
    assertThat(
            s.value(
                "gen_ai_invoke_agent_duration_seconds_count",
                "gen_ai_agent_name",
                "planner",
                "error_type",
                "timeout"))
        .isEqualTo(1);
    assertThat(s.value("gen_ai_invoke_agent_inference_calls_sum", "gen_ai_agent_name", "planner"))
        .isEqualTo(4);
    assertThat(s.value("gen_ai_invoke_agent_tool_calls_sum", "gen_ai_agent_name", "planner"))
        .isEqualTo(2);
    assertThat(s.value("gen_ai_invoke_agent_duration_seconds_sum", "gen_ai_agent_name", "planner"))
        .isEqualTo(30);
    assertThat(s.value("agent_startup_duration_seconds_sum", "gen_ai_agent_name", "planner"))
        .isEqualTo(1.25);
    assertThat(s.value("agent_sessions_active", "gen_ai_agent_name", "planner")).isEqualTo(7);
    assertThat(s.value("agent_feature_usage_total", "feature", "ticket_triage")).isEqualTo(1);
  }

  @Test
  void toolAndSkillCalls() {
    Scrape s =
        ingest(
            "{\"type\":\"tool_call\",\"agent\":\"coder\",\"tool\":\"run_tests\",\"duration_seconds\":2}",
            "{\"type\":\"tool_call\",\"agent\":\"coder\",\"tool\":\"deploy\",\"tool_type\":\"skill\",\"duration_seconds\":0.5,\"error_type\":\"HttpError\"}");
    assertThat(
            s.value(
                "gen_ai_execute_tool_duration_seconds_count",
                "gen_ai_tool_name",
                "run_tests",
                "gen_ai_tool_type",
                "function",
                "error_type",
                ""))
        .isEqualTo(1);
    assertThat(s.value("gen_ai_execute_tool_duration_seconds_sum", "gen_ai_tool_name", "run_tests"))
        .isEqualTo(2);
    assertThat(
            s.value(
                "gen_ai_execute_tool_duration_seconds_count",
                "gen_ai_tool_name",
                "deploy",
                "gen_ai_tool_type",
                "skill",
                "error_type",
                "HttpError"))
        .isEqualTo(1);
  }

  @Test
  void taskLifecycleAndQueues() {
    Scrape s =
        ingest("{\"type\":\"task\",\"kind\":\"started\",\"agent\":\"coder\",\"queue\":\"builds\"}");
    assertThat(s.value("agent_tasks_active", "gen_ai_agent_name", "coder")).isEqualTo(1);
    s =
        ingest(
            "{\"type\":\"task\",\"agent\":\"coder\",\"queue\":\"builds\",\"status\":\"failed\",\"duration_seconds\":42}",
            "{\"type\":\"task\",\"kind\":\"queue\",\"queue\":\"builds\",\"depth\":5,\"blocked\":2}");
    assertThat(
            s.value("agent_tasks_started_total", "gen_ai_agent_name", "coder", "queue", "builds"))
        .isEqualTo(1);
    assertThat(s.value("agent_tasks_active", "gen_ai_agent_name", "coder")).isZero();
    assertThat(s.value("agent_task_duration_seconds_count", "queue", "builds", "status", "failed"))
        .isEqualTo(1);
    assertThat(s.value("agent_task_duration_seconds_sum", "queue", "builds", "status", "failed"))
        .isEqualTo(42);
    assertThat(s.value("agent_task_queue_depth", "queue", "builds")).isEqualTo(5);
    assertThat(s.value("agent_tasks_blocked", "queue", "builds")).isEqualTo(2);
  }

  @Test
  void approvalsRequestedDecidedAndEscalated() {
    Scrape s = ingest("{\"type\":\"approval\",\"kind\":\"requested\",\"agent\":\"payer\"}");
    assertThat(s.value("agent_approvals_pending", "gen_ai_agent_name", "payer")).isEqualTo(1);
    s =
        ingest(
            "{\"type\":\"approval\",\"kind\":\"decided\",\"agent\":\"payer\",\"decision\":\"denied\",\"wait_seconds\":30}",
            "{\"type\":\"approval\",\"kind\":\"escalated\",\"agent\":\"payer\"}");
    assertThat(s.value("agent_approval_requests_total", "gen_ai_agent_name", "payer")).isEqualTo(1);
    assertThat(s.value("agent_approvals_pending", "gen_ai_agent_name", "payer")).isZero();
    assertThat(s.value("agent_approval_response_duration_seconds_count", "decision", "denied"))
        .isEqualTo(1);
    assertThat(s.value("agent_approval_response_duration_seconds_sum", "decision", "denied"))
        .isEqualTo(30);
    assertThat(s.value("agent_approval_escalations_total", "gen_ai_agent_name", "payer"))
        .isEqualTo(1);
  }

  @Test
  void securityEvents() {
    Scrape s =
        ingest(
            "{\"type\":\"security_event\",\"kind\":\"skill_access\",\"agent\":\"ops\",\"skill\":\"deploy\",\"decision\":\"denied\"}",
            "{\"type\":\"security_event\",\"kind\":\"skill_access\",\"agent\":\"ops\",\"skill\":\"deploy\",\"decision\":\"allowed\"}",
            "{\"type\":\"security_event\",\"kind\":\"permission_escalation\",\"agent\":\"ops\"}",
            "{\"type\":\"security_event\",\"kind\":\"permissions\",\"agent\":\"ops\",\"active_permissions\":4}",
            "{\"type\":\"security_event\",\"kind\":\"policy_violation\",\"agent\":\"ops\",\"violation_type\":\"prompt_injection\"}");
    assertThat(s.value("agent_skill_access_total", "skill", "deploy", "decision", "denied"))
        .isEqualTo(1);
    assertThat(s.value("agent_skill_access_total", "skill", "deploy", "decision", "allowed"))
        .isEqualTo(1);
    assertThat(s.value("agent_permission_escalation_requests_total", "gen_ai_agent_name", "ops"))
        .isEqualTo(1);
    assertThat(s.value("agent_permissions_active", "gen_ai_agent_name", "ops")).isEqualTo(4);
    assertThat(s.value("agent_policy_violations_total", "violation_type", "prompt_injection"))
        .isEqualTo(1);
  }

  @Test
  void ragRetrievalsCachesAndMessages() {
    Scrape s =
        ingest(
            "{\"type\":\"rag_retrieval\",\"agent\":\"kb\",\"store\":\"pgvector\",\"duration_seconds\":0.2,\"documents\":7,\"relevance_score\":0.8,\"vector_store_seconds\":0.05}",
            "{\"type\":\"rag_retrieval\",\"kind\":\"vector_store_query\",\"store\":\"qdrant\",\"duration_seconds\":0.01}",
            "{\"type\":\"cache\",\"cache\":\"prompt\",\"result\":\"hit\"}",
            "{\"type\":\"cache\",\"cache\":\"prompt\",\"result\":\"miss\"}",
            "{\"type\":\"message\",\"agent\":\"kb\",\"channel\":\"slack\",\"direction\":\"inbound\"}");
    assertThat(s.value("agent_rag_retrieval_duration_seconds_sum", "store", "pgvector"))
        .isEqualTo(0.2);
    assertThat(s.value("agent_rag_documents_retrieved_sum", "store", "pgvector")).isEqualTo(7);
    assertThat(s.value("agent_rag_relevance_score_sum", "store", "pgvector")).isEqualTo(0.8);
    assertThat(s.value("agent_vectorstore_query_duration_seconds_sum", "store", "pgvector"))
        .isEqualTo(0.05);
    assertThat(s.value("agent_vectorstore_query_duration_seconds_count", "store", "qdrant"))
        .isEqualTo(1);
    assertThat(s.value("agent_cache_requests_total", "cache", "prompt", "result", "hit"))
        .isEqualTo(1);
    assertThat(s.value("agent_cache_requests_total", "cache", "prompt", "result", "miss"))
        .isEqualTo(1);
    assertThat(s.value("agent_messages_total", "channel", "slack", "direction", "inbound"))
        .isEqualTo(1);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
