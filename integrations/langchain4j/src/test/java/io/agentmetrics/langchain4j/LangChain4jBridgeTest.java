package io.agentmetrics.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agentic.Agent;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.guardrail.config.OutputGuardrailsConfig;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.RunScope;
import io.agentmetrics.api.testing.ThrowingRecorder;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.standin.OpenAiStandin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's real {@code OpenAiChatModel}, AI services with a tool, retrieval over a real
 * in-process embedding model (all-MiniLM-L6-v2) and an agentic agent, against the local stand-in
 * provider, with the bridge's listeners registered one line each. The facade's ticker advances 250
 * ms per reading, so the durations the bridge measures are exact.
 */
class LangChain4jBridgeTest {

  private static final long STEP_NANOS = 250_000_000L;
  private static final String CALL =
      "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
          + "gen_ai_request_model=\"gpt-5-mini\"";
  private static final String TOKENS =
      "gen_ai_agent_name=\"support-bot\","
          + CALL
          + ",gen_ai_token_modality=\"unknown\",team=\"care\"";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong ticks = new AtomicLong();
  private final MicrometerAgentMetrics metrics =
      MicrometerAgentMetrics.builder(registry)
          .ticker(() -> ticks.getAndIncrement() * STEP_NANOS)
          .build();
  private final OpenAiStandin standin =
      OpenAiStandin.builder().usage(new OpenAiStandin.Usage(120, 30, 20, 5)).build().start(0);

  @AfterEach
  void stop() {
    standin.close();
    registry.close();
  }

  private LangChain4jBridge bridge(AgentMetrics recorder) {
    return LangChain4jBridge.builder(recorder).agent("support-bot").team("care").build();
  }

  private OpenAiChatModel chatModel(OpenAiStandin provider, LangChain4jBridge bridge) {
    return OpenAiChatModel.builder()
        .baseUrl(provider.baseUrl() + "/v1")
        .apiKey(UUID.randomUUID().toString()) // the stand-in checks no key
        .modelName("gpt-5-mini")
        .maxRetries(0)
        .listeners(List.of(bridge.chatModelListener()))
        .build();
  }

  private List<String> scrape() {
    return registry.scrape().lines().toList();
  }

  /** The support agent's AI service. */
  interface Assistant {
    String chat(String question);
  }

  /** Its tool. */
  static class Orders {
    @Tool("Looks an order up")
    String lookupOrder(String text) {
      return "order " + text + " ships today";
    }
  }

  @Test
  void anAiServiceWithRetrievalAndAToolRecordsCallsTokensToolAndRetrieval() {
    LangChain4jBridge bridge = bridge(metrics);
    EmbeddingModel embeddings = new AllMiniLmL6V2EmbeddingModel();
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    for (String text :
        List.of(
            "Orders ship within two working days.",
            "Refunds are paid back within five days.",
            "Support answers around the clock.")) {
      TextSegment segment = TextSegment.from(text);
      store.add(embeddings.embed(segment).content(), segment);
    }
    ContentRetriever retriever =
        EmbeddingStoreContentRetriever.builder()
            .embeddingStore(store.addListener(bridge.embeddingStoreListener("support-docs")))
            .embeddingModel(embeddings)
            .maxResults(2)
            .build()
            .addListener(bridge.contentRetrieverListener("support-docs"));
    Assistant assistant =
        AiServices.builder(Assistant.class)
            .chatModel(chatModel(standin, bridge))
            .tools(new Orders())
            .contentRetriever(retriever)
            .afterToolExecution(new ToolExecutionRecorder(bridge))
            .build();

    String answer = assistant.chat("When does order 42 ship?");

    assertThat(answer).contains("ships today");
    assertThat(scrape())
        .contains(
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\"," + CALL + "} 2",
            "gen_ai_client_inference_duration_seconds_sum{error_type=\"\"," + CALL + "} 0.5",
            "gen_ai_client_inference_usage_input_tokens_total{" + TOKENS + "} 240.0",
            "gen_ai_client_inference_usage_output_tokens_total{" + TOKENS + "} 60.0",
            "gen_ai_client_inference_usage_cache_read_input_tokens_total{" + TOKENS + "} 40.0",
            "gen_ai_client_inference_usage_reasoning_output_tokens_total{" + TOKENS + "} 10.0",
            "gen_ai_execute_tool_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"support-bot\","
                + "gen_ai_tool_name=\"lookupOrder\",gen_ai_tool_type=\"function\"} 1",
            "agent_rag_retrieval_duration_seconds_count{gen_ai_agent_name=\"support-bot\","
                + "store=\"support-docs\"} 1",
            // The retrieval spans the store search inside it: three readings of the ticker.
            "agent_rag_retrieval_duration_seconds_sum{gen_ai_agent_name=\"support-bot\","
                + "store=\"support-docs\"} 0.75",
            "agent_vectorstore_query_duration_seconds_sum{store=\"support-docs\"} 0.25",
            "agent_rag_documents_retrieved_sum{gen_ai_agent_name=\"support-bot\","
                + "store=\"support-docs\"} 2.0",
            "agent_vectorstore_query_duration_seconds_count{store=\"support-docs\"} 1");
  }

  /** The assistant with its tool, the AI service's listeners registered. */
  private Assistant withAiServiceListeners(LangChain4jBridge bridge) {
    return AiServices.builder(Assistant.class)
        .chatModel(chatModel(standin, bridge))
        .tools(new Orders())
        .registerListeners(bridge.aiServiceListeners())
        .build();
  }

  @Test
  void anAiServicesInvocationIsAnAgentRunWithItsModelRequestsAndToolCalls() {
    Assistant assistant = withAiServiceListeners(bridge(metrics));

    assistant.chat("When does order 42 ship?");

    // No agentmetrics run open: the invocation is the run, with its 2 requests and 1 tool call.
    assertThat(scrape())
        .contains(
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"support-bot\"} 1",
            "gen_ai_invoke_agent_inference_calls_sum{gen_ai_agent_name=\"support-bot\"} 2.0",
            "gen_ai_invoke_agent_tool_calls_sum{gen_ai_agent_name=\"support-bot\"} 1.0",
            "agent_runs_active{gen_ai_agent_name=\"support-bot\"} 0.0");
  }

  @Test
  void anAiServiceInvokedInsideAnAgentmetricsRunCountsItsCallsForThatRunAlone() {
    Assistant assistant = withAiServiceListeners(bridge(metrics));

    try (RunScope run = metrics.startRun("support-bot")) {
      assistant.chat("When does order 42 ship?");
      assistant.chat("And order 43?");
    }

    assertThat(scrape())
        .contains(
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"support-bot\"} 1",
            "gen_ai_invoke_agent_inference_calls_sum{gen_ai_agent_name=\"support-bot\"} 4.0",
            "gen_ai_invoke_agent_tool_calls_sum{gen_ai_agent_name=\"support-bot\"} 2.0");
  }

  /** Refuses a message that holds a card number. */
  static class NoCardNumbers implements InputGuardrail {
    @Override
    public InputGuardrailResult validate(dev.langchain4j.data.message.UserMessage message) {
      return message.singleText().matches(".*\\d{16}.*")
          ? failure("the message holds a card number")
          : success();
    }
  }

  /** Asks the model again, with a correction, for an answer that says "secret". */
  static class NoSecrets implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
      return answer.text().contains("secret")
          ? reprompt("the answer tells a secret", "Leave that word out.")
          : success();
    }
  }

  /** Asks the model the same again for an answer that says "forbidden". */
  static class NothingForbidden implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
      return answer.text().contains("forbidden") ? retry("the answer is forbidden") : success();
    }
  }

  /** Masks order numbers in the answer: passes a rewritten answer on. */
  static class MasksOrderNumbers implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
      return answer.text().matches("(?s).*\\d+.*")
          ? successWith(answer.text().replaceAll("\\d+", "#"))
          : success();
    }
  }

  /** Stops at once, with no retry, for an answer that mentions a lawsuit. */
  static class NoLegalAdvice implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
      return answer.text().contains("lawsuit") ? fatal("legal advice") : success();
    }
  }

  @Test
  void aRewrittenAnswerAndAFatalFailureAreCountedByTheirOutcome() {
    LangChain4jBridge bridge = bridge(metrics);
    Assistant assistant =
        AiServices.builder(Assistant.class)
            .chatModel(chatModel(standin, bridge))
            .chatMemory(MessageWindowChatMemory.withMaxMessages(20))
            .outputGuardrails(new NoLegalAdvice(), new MasksOrderNumbers())
            .outputGuardrailsConfig(OutputGuardrailsConfig.builder().maxRetries(2).build())
            .registerListeners(bridge.guardrailListeners())
            .build();

    assertThat(assistant.chat("Where is order 42?")).contains("order #").doesNotContain("42");
    assertThatThrownBy(() -> assistant.chat("Can I start a lawsuit?"))
        .isInstanceOf(OutputGuardrailException.class);

    // A fatal failure is not retried: the model answered twice.
    assertThat(standin.requests()).isEqualTo(2);
    String agent = "gen_ai_agent_name=\"support-bot\",";
    assertThat(scrape().stream().filter(line -> line.startsWith("agent_guardrail_checks_total")))
        .containsExactlyInAnyOrder(
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NoLegalAdvice\",outcome=\"passed\",stage=\"output\"} 1.0",
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NoLegalAdvice\",outcome=\"fatal\",stage=\"output\"} 1.0",
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"MasksOrderNumbers\",outcome=\"rewritten\",stage=\"output\"} 1.0");
  }

  @Test
  void everyRunOfAnInputOrOutputGuardrailIsCountedByItsOutcome() {
    LangChain4jBridge bridge = bridge(metrics);
    Assistant assistant =
        AiServices.builder(Assistant.class)
            .chatModel(chatModel(standin, bridge))
            .chatMemory(MessageWindowChatMemory.withMaxMessages(20)) // retries ask it again
            .inputGuardrails(new NoCardNumbers())
            .outputGuardrails(new NoSecrets(), new NothingForbidden())
            .outputGuardrailsConfig(OutputGuardrailsConfig.builder().maxRetries(2).build())
            .registerListeners(bridge.guardrailListeners())
            .build();

    assertThat(assistant.chat("Where is my order?")).contains("Where is my order?");
    assertThat(assistant.chat("Tell me the secret")).contains("Leave that word out.");
    assertThatThrownBy(() -> assistant.chat("My card is 4111111111111111"))
        .isInstanceOf(InputGuardrailException.class);
    assertThatThrownBy(() -> assistant.chat("Say something forbidden"))
        .isInstanceOf(OutputGuardrailException.class);

    // The model answered 5 times: the first question; the second and its reprompt; the forbidden
    // answer twice (LangChain4j's maxRetries counts the attempts); the card number never reached
    // it.
    // Each answer ran both output guardrails, in order, up to the first that did not pass.
    assertThat(standin.requests()).isEqualTo(5);
    String agent = "gen_ai_agent_name=\"support-bot\",";
    assertThat(scrape().stream().filter(line -> line.startsWith("agent_guardrail_checks_total")))
        .containsExactlyInAnyOrder(
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NoCardNumbers\",outcome=\"passed\",stage=\"input\"} 3.0",
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NoCardNumbers\",outcome=\"failed\",stage=\"input\"} 1.0",
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NoSecrets\",outcome=\"passed\",stage=\"output\"} 4.0",
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NoSecrets\",outcome=\"reprompted\",stage=\"output\"} 1.0",
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NothingForbidden\",outcome=\"passed\",stage=\"output\"} 2.0",
            "agent_guardrail_checks_total{"
                + agent
                + "guardrail=\"NothingForbidden\",outcome=\"retried\",stage=\"output\"} 2.0");
  }

  /** An agentic agent. */
  public interface Expert {
    @UserMessage("Answer this: {{question}}")
    @Agent(value = "An expert on orders", name = "order-expert")
    String ask(@V("question") String question);
  }

  @Test
  void anAgenticAgentsInvocationIsAnAgentRunUnderItsOwnName() {
    LangChain4jBridge bridge = bridge(metrics);
    Expert expert =
        AgenticServices.agentBuilder(Expert.class)
            .chatModel(chatModel(standin, bridge))
            .listener(new AgentRunListener(bridge))
            .build();

    assertThat(expert.ask("where is 42?")).contains("where is 42?");

    assertThat(scrape())
        .contains(
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"order-expert\"} 1",
            "agent_runs_active{gen_ai_agent_name=\"order-expert\"} 0.0");
  }

  /** A workflow's first step. */
  public interface Triage {
    @UserMessage("Tell the kind of this request: {{question}}")
    @Agent(value = "Tells the kind of a request", name = "triage", outputKey = "kind")
    String triage(@V("question") String question);
  }

  /** A workflow's second step. */
  public interface Drafter {
    @UserMessage("Draft a reply to {{question}} ({{kind}})")
    @Agent(value = "Drafts a reply", name = "drafter", outputKey = "reply")
    String draft(@V("question") String question, @V("kind") String kind);
  }

  /** A step run beside another. */
  public interface Checker {
    @UserMessage("Check this for fraud: {{question}}")
    @Agent(value = "Checks for fraud", name = "fraud_check", outputKey = "fraud")
    String check(@V("question") String question);
  }

  @Test
  void aWorkflowIsAWorkflowRunAndEachSubAgentAStepWithTheTokensOfItsCalls() {
    LangChain4jBridge bridge = bridge(metrics);
    OpenAiChatModel model = chatModel(standin, bridge);
    Object triage = AgenticServices.agentBuilder(Triage.class).chatModel(model).build();
    Object drafter = AgenticServices.agentBuilder(Drafter.class).chatModel(model).build();
    Object checker = AgenticServices.agentBuilder(Checker.class).chatModel(model).build();
    UntypedAgent checks =
        AgenticServices.parallelBuilder()
            .name("checks")
            .subAgents(checker, triage)
            .outputKey("kind")
            .build();
    UntypedAgent review =
        AgenticServices.sequenceBuilder()
            .name("refund_review")
            .subAgents(checks, drafter)
            .outputKey("reply")
            .listener(new AgentRunListener(bridge))
            .build();

    assertThat(String.valueOf(review.invoke(Map.of("question", "refund order 42?"))))
        .contains("refund order 42?");

    // Every AI agent made one call (120 input, 30 output tokens at the stand-in); the parallel
    // workflow's steps ran on its executor's threads.
    String tokens = "agent_workflow_step_input_tokens_total{gen_ai_workflow_name=";
    assertThat(scrape())
        .contains(
            "gen_ai_invoke_workflow_duration_seconds_count{error_type=\"\","
                + "gen_ai_workflow_name=\"refund_review\"} 1",
            "gen_ai_invoke_workflow_duration_seconds_count{error_type=\"\","
                + "gen_ai_workflow_name=\"checks\"} 1",
            "agent_workflow_step_duration_seconds_count{error_type=\"\","
                + "gen_ai_workflow_name=\"refund_review\",workflow_step=\"checks\"} 1",
            "agent_workflow_step_duration_seconds_count{error_type=\"\","
                + "gen_ai_workflow_name=\"refund_review\",workflow_step=\"drafter\"} 1",
            "agent_workflow_step_duration_seconds_count{error_type=\"\","
                + "gen_ai_workflow_name=\"checks\",workflow_step=\"fraud_check\"} 1",
            tokens + "\"refund_review\",workflow_step=\"drafter\"} 120.0",
            tokens + "\"checks\",workflow_step=\"fraud_check\"} 120.0",
            tokens + "\"checks\",workflow_step=\"triage\"} 120.0",
            "agent_workflow_step_output_tokens_total{gen_ai_workflow_name=\"checks\","
                + "workflow_step=\"triage\"} 30.0",
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"\","
                + "gen_ai_agent_name=\"drafter\"} 1")
        .noneMatch(line -> line.contains("gen_ai_agent_name=\"refund_review\""))
        .anyMatch(
            line ->
                line.startsWith(
                    "agent_workflow_step_cost_usd_total{gen_ai_workflow_name=\"checks\","
                        + "workflow_step=\"triage\"} "));
  }

  @Test
  void aLoopsStepIsCountedOncePerIterationAndAConditionalOnlyRunsTheStepItChose() {
    LangChain4jBridge bridge = bridge(metrics);
    OpenAiChatModel model = chatModel(standin, bridge);
    UntypedAgent redraft =
        AgenticServices.loopBuilder()
            .name("redraft")
            .subAgents(AgenticServices.agentBuilder(Drafter.class).chatModel(model).build())
            .maxIterations(3)
            .build();
    UntypedAgent route =
        AgenticServices.conditionalBuilder()
            .name("route")
            .subAgents(
                scope -> "refund".equals(scope.readState("kind")),
                AgenticServices.agentBuilder(Checker.class).chatModel(model).build())
            .subAgents(scope -> !"refund".equals(scope.readState("kind")), redraft)
            .build();

    UntypedAgent other =
        AgenticServices.sequenceBuilder()
            .name("other_request")
            .subAgents(route)
            .outputKey("reply")
            .listener(new AgentRunListener(bridge))
            .build();
    other.invoke(Map.of("question", "where is order 42?", "kind", "shipping"));

    String step =
        "agent_workflow_step_duration_seconds_count{error_type=\"\",gen_ai_workflow_name=";
    assertThat(scrape())
        .contains(
            step + "\"redraft\",workflow_step=\"drafter\"} 3",
            step + "\"route\",workflow_step=\"redraft\"} 1",
            step + "\"other_request\",workflow_step=\"route\"} 1",
            "agent_workflow_step_input_tokens_total{gen_ai_workflow_name=\"redraft\","
                + "workflow_step=\"drafter\"} 360.0",
            "gen_ai_invoke_workflow_duration_seconds_count{error_type=\"\","
                + "gen_ai_workflow_name=\"redraft\"} 1")
        .noneMatch(line -> line.contains("workflow_step=\"fraud_check\""));
  }

  @Test
  void aStreamedCallIsRecordedWithItsTimeToFirstChunkAndTheTimeBetweenChunks() throws Exception {
    StreamingChatModel model =
        bridge(metrics)
            .streaming(
                OpenAiStreamingChatModel.builder()
                    .baseUrl(standin.baseUrl() + "/v1")
                    .apiKey(UUID.randomUUID().toString())
                    .modelName("gpt-5-mini")
                    .build());
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    List<String> chunks = new ArrayList<>();
    model.chat(
        "Stream it",
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partial) {
            chunks.add(partial);
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    done.get(30, TimeUnit.SECONDS);

    // The stand-in streams the answer a word per chunk; the ticker advances 250 ms per reading:
    // one at the start, one per chunk, one at the end.
    assertThat(String.join("", chunks)).isEqualTo("You asked: Stream it. Here is what I found.");
    int n = chunks.size();
    assertThat(scrape())
        .contains(
            "gen_ai_client_inference_time_to_first_chunk_seconds_sum{" + CALL + "} 0.25",
            "gen_ai_client_inference_time_per_output_chunk_seconds_count{" + CALL + "} " + (n - 1),
            "gen_ai_client_inference_time_per_output_chunk_seconds_sum{"
                + CALL
                + "} "
                + (n - 1) * 0.25,
            "gen_ai_client_inference_duration_seconds_sum{error_type=\"\","
                + CALL
                + "} "
                + (n + 1) * 0.25,
            "gen_ai_client_inference_usage_input_tokens_total{" + TOKENS + "} 120.0",
            "gen_ai_client_inference_usage_reasoning_output_tokens_total{" + TOKENS + "} 5.0");
  }

  @Test
  void anEmbeddingModelsCallsAreLlmCallsOfOperationEmbeddingsWithTheirInputTokens() {
    OpenAiEmbeddingModel embeddings =
        OpenAiEmbeddingModel.builder()
            .baseUrl(standin.baseUrl() + "/v1")
            .apiKey(UUID.randomUUID().toString())
            .modelName("text-embedding-3-small")
            .maxRetries(0)
            .listeners(List.of(bridge(metrics).embeddingModelListener()))
            .build();

    // The stand-in reports a token per 4 characters of each input (at least 1): 5 + 13.
    embeddings.embedAll(
        List.of(
            TextSegment.from("Refunds take five days."),
            TextSegment.from("The battery is covered for two years, parts and labour.")));

    String call =
        "gen_ai_operation_name=\"embeddings\",gen_ai_provider_name=\"openai\","
            + "gen_ai_request_model=\"text-embedding-3-small\"";
    assertThat(scrape())
        .contains(
            "gen_ai_client_inference_duration_seconds_sum{error_type=\"\"," + call + "} 0.25",
            "gen_ai_client_inference_usage_input_tokens_total{gen_ai_agent_name=\"support-bot\","
                + call
                + ",gen_ai_token_modality=\"unknown\",team=\"care\"} 18.0");
  }

  @Test
  void aFailedCallIsRecordedWithTheExceptionClass() {
    OpenAiStandin failing =
        OpenAiStandin.builder()
            .failures(n -> new OpenAiStandin.Failure(503, "overloaded"))
            .build()
            .start(0);
    try {
      OpenAiChatModel model = chatModel(failing, bridge(metrics));
      assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(RuntimeException.class);
    } finally {
      failing.close();
    }
    assertThat(scrape())
        .anyMatch(
            line ->
                line.startsWith(
                        "gen_ai_client_inference_duration_seconds_count{error_type=\"dev.langchain4j.")
                    && line.endsWith("} 1"));
  }

  @Test
  void aRecorderThatThrowsNeverBreaksTheCallAndTheFailureIsCounted() {
    AgentMetrics broken = ThrowingRecorder.throwingOn("llmCall", metrics);

    String answer = chatModel(standin, bridge(broken)).chat("still works?");

    assertThat(answer).startsWith("You asked: still works?");
    assertThat(scrape())
        .contains("agentmetrics_integration_failures_total{integration=\"langchain4j\"} 1.0");
  }
}
