package io.agentmetrics.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.RunScope;
import io.agentmetrics.api.testing.ThrowingRecorder;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.standin.OpenAiStandin;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.evaluation.FactCheckingEvaluator;
import org.springframework.ai.chat.evaluation.RelevancyEvaluator;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.Document;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.EvaluationResponse;
import org.springframework.ai.evaluation.Evaluator;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;

/**
 * Spring AI's real {@code OpenAiChatModel} (with the official OpenAI Java client) against the local
 * stand-in provider, observed through a real {@link ObservationRegistry} that carries the bridge,
 * Spring AI's own meter handler and Micrometer's default one, all on one {@link
 * PrometheusMeterRegistry}. The facade's ticker advances 250 ms per reading, so each observation
 * lasts exactly 250 ms and the scrape lines are exact.
 */
class SpringAiBridgeTest {

  private static final long STEP_NANOS = 250_000_000L;

  /** The labels of the stand-in's chat calls on the inference metrics. */
  private static final String CALL =
      "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5-mini\"";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong ticks = new AtomicLong();
  private final MicrometerAgentMetrics metrics =
      MicrometerAgentMetrics.builder(registry)
          .ticker(() -> ticks.getAndIncrement() * STEP_NANOS)
          .build();
  private final OpenAiStandin standin =
      OpenAiStandin.builder()
          .usage(new OpenAiStandin.Usage(120, 30, 20, 5))
          .failures(number -> number == 99 ? new OpenAiStandin.Failure(429, "slow down") : null)
          .build()
          .start(0);

  @AfterEach
  void stop() {
    standin.close();
    registry.close();
  }

  private ObservationRegistry observations(AgentMetrics recorder) {
    return observations(bridge(recorder));
  }

  private static SpringAiBridge bridge(AgentMetrics recorder) {
    return SpringAiBridge.builder(recorder).agent("support-bot").team("care").build();
  }

  private ObservationRegistry observations(SpringAiBridge bridge) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations
        .observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(registry))
        .observationHandler(new ChatModelMeterObservationHandler(registry));
    bridge.registerOn(observations);
    return observations;
  }

  /**
   * The bridge's handlers but the chat client run handler, for the tests that count the ticker's
   * readings of a stream: that handler reads it when the chat client's stream ends, on another
   * thread than the model's end, in no set order with it.
   */
  private ObservationRegistry observationsForChunkTiming(SpringAiBridge bridge) {
    ObservationRegistry observations = ObservationRegistry.create();
    bridge.handlers().stream()
        .filter(handler -> !(handler instanceof ChatClientRunHandler))
        .forEach(handler -> observations.observationConfig().observationHandler(handler));
    return observations;
  }

  private OpenAiChatModel chatModel(ObservationRegistry observations, boolean streamUsage) {
    return OpenAiChatModel.builder()
        .options(
            OpenAiChatOptions.builder()
                .baseUrl(standin.baseUrl() + "/v1")
                .apiKey(UUID.randomUUID().toString()) // the stand-in checks no key
                .model("gpt-5-mini")
                .maxRetries(0)
                .streamUsage(streamUsage)
                .build())
        .toolCallingManager(
            DefaultToolCallingManager.builder().observationRegistry(observations).build())
        .observationRegistry(observations)
        .build();
  }

  private List<String> scrape() {
    return registry.scrape().lines().toList();
  }

  /**
   * Checks the scrape until it passes (5 s at most): Spring AI stops a streamed call's observation
   * when the stream terminates, which may be just after the caller's blocking read returns.
   */
  private void afterTheStream(Consumer<List<String>> check) {
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check.accept(scrape()));
  }

  @Test
  void springAisOwnJudgesAreRecordedAsEvaluationsWithTheirVerdictsAndScores() {
    SpringAiBridge bridge = bridge(metrics);
    ChatClient.Builder judge = ChatClient.builder(chatModel(observations(bridge), false));
    Evaluator relevance = bridge.recorded("relevance", new RelevancyEvaluator(judge));
    Evaluator facts = bridge.recorded("faithfulness", FactCheckingEvaluator.builder(judge).build());
    List<Document> context = List.of(new Document("Order 42 ships today."));

    EvaluationResponse relevant =
        relevance.evaluate(new EvaluationRequest("When does 42 ship?", context, "Today."));
    EvaluationResponse unsure =
        relevance.evaluate(new EvaluationRequest("When does 42 ship?", context, "I don't know."));
    EvaluationResponse supported =
        facts.evaluate(new EvaluationRequest(context, "Order 42 ships today."));

    // The stand-in judges as an LLM would: YES, and NO for an answer that does not know.
    assertThat(List.of(relevant.isPass(), unsure.isPass(), supported.isPass()))
        .containsExactly(true, false, true);
    String agent = "gen_ai_agent_name=\"support-bot\",";
    assertThat(scrape())
        .contains(
            "agent_evaluation_results_total{"
                + agent
                + "gen_ai_evaluation_name=\"relevance\",gen_ai_evaluation_score_label=\"pass\"} 1.0",
            "agent_evaluation_results_total{"
                + agent
                + "gen_ai_evaluation_name=\"relevance\",gen_ai_evaluation_score_label=\"fail\"} 1.0",
            "agent_evaluation_results_total{"
                + agent
                + "gen_ai_evaluation_name=\"faithfulness\",gen_ai_evaluation_score_label=\"pass\"} 1.0",
            // RelevancyEvaluator scores 1 and 0; FactCheckingEvaluator's pass has no score: 1.
            "agent_evaluation_score_count{" + agent + "gen_ai_evaluation_name=\"relevance\"} 2",
            "agent_evaluation_score_sum{" + agent + "gen_ai_evaluation_name=\"relevance\"} 1.0",
            "agent_evaluation_score_sum{" + agent + "gen_ai_evaluation_name=\"faithfulness\"} 1.0",
            // The judges' own calls are LLM calls like any other.
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\"," + CALL + "} 3");
  }

  @Test
  void aChatCallIsRecordedWithItsTokensByKindItsCostAndItsDuration() {
    ChatResponse response =
        chatModel(observations(metrics), false).call(new Prompt("Where is my order?"));
    assertThat(response.getResult().getOutput().getText())
        .startsWith("You asked: Where is my order?");

    String call = CALL;
    String tokens =
        "gen_ai_agent_name=\"support-bot\","
            + call
            + ",gen_ai_token_modality=\"unknown\",team=\"care\"";
    assertThat(scrape())
        .contains(
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\"," + call + "} 1",
            "gen_ai_client_inference_duration_seconds_sum{error_type=\"\"," + call + "} 0.25",
            "gen_ai_client_inference_usage_input_tokens_total{" + tokens + "} 120.0",
            "gen_ai_client_inference_usage_output_tokens_total{" + tokens + "} 30.0",
            "gen_ai_client_inference_usage_cache_read_input_tokens_total{" + tokens + "} 20.0",
            // gpt-5-mini in the bundled price table: 100 x $0.25/M + 20 cached x $0.025/M + 30 x
            // $2/M
            "agent_cost_usd_total{gen_ai_agent_name=\"support-bot\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-5-mini\",team=\"care\"} 8.55E-5")
        // Spring AI's own meters, in the same registry, beside ours.
        .anyMatch(line -> line.startsWith("gen_ai_client_token_usage_total{"))
        .anyMatch(line -> line.startsWith("gen_ai_client_operation_seconds_count{"))
        .noneMatch(line -> line.startsWith("agentmetrics_meter_registration_failed_total{"));
  }

  private static FunctionToolCallback<OrderQuery, String> lookupOrder() {
    return FunctionToolCallback.<OrderQuery, String>builder(
            "lookup_order", query -> "order " + query.text() + " ships today")
        .description("Looks an order up")
        .inputType(OrderQuery.class)
        .build();
  }

  /** A chat client whose tool calls Spring AI's tool calling manager runs, observed. */
  private ChatClient toolCallingClient(ObservationRegistry observations) {
    return ChatClient.builder(
            chatModel(observations, false),
            observations,
            null,
            null,
            ToolCallingAdvisor.builder()
                .toolCallingManager(
                    DefaultToolCallingManager.builder().observationRegistry(observations).build()))
        .build();
  }

  @Test
  void aToolCallingConversationRecordsBothInferenceCallsAndTheTool() {
    FunctionToolCallback<OrderQuery, String> lookup = lookupOrder();
    ChatClient client = toolCallingClient(observations(metrics));

    String answer = client.prompt("Where is order 42?").toolCallbacks(lookup).call().content();

    assertThat(answer).contains("ships today");
    assertThat(standin.requests()).isEqualTo(2);
    // With no agentmetrics run open, the chat client call is the agent run, with its two
    // inference calls and its tool call.
    assertThat(scrape())
        .contains(
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"support-bot\"} 1",
            "gen_ai_invoke_agent_inference_calls_sum{gen_ai_agent_name=\"support-bot\"} 2.0",
            "gen_ai_invoke_agent_tool_calls_sum{gen_ai_agent_name=\"support-bot\"} 1.0",
            "agent_runs_active{gen_ai_agent_name=\"support-bot\"} 0.0",
            "gen_ai_execute_tool_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"support-bot\","
                + "gen_ai_tool_name=\"lookup_order\",gen_ai_tool_type=\"function\"} 1",
            "gen_ai_client_inference_usage_input_tokens_total{gen_ai_agent_name=\"support-bot\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5-mini\","
                + "gen_ai_token_modality=\"unknown\",team=\"care\"} 240.0");
  }

  @Test
  void aChatClientCallInsideAnAgentmetricsRunCountsItsCallsForThatRunAlone() {
    FunctionToolCallback<OrderQuery, String> lookup = lookupOrder();
    ChatClient client = toolCallingClient(observations(metrics));

    try (RunScope run = metrics.startRun("support-bot")) {
      client.prompt("Where is order 42?").toolCallbacks(lookup).call().content();
      client.prompt("And order 43?").call().content();
    }

    // One run (the application's), with the calls of both chat client calls: 3 inference calls
    // (the tool loop's two and the second call's one) and the tool call.
    assertThat(scrape())
        .contains(
            "gen_ai_invoke_agent_duration_seconds_count{error_type=\"\",gen_ai_agent_name=\"support-bot\"} 1",
            "gen_ai_invoke_agent_inference_calls_sum{gen_ai_agent_name=\"support-bot\"} 3.0",
            "gen_ai_invoke_agent_tool_calls_sum{gen_ai_agent_name=\"support-bot\"} 1.0",
            "agent_runs_active{gen_ai_agent_name=\"support-bot\"} 0.0");
    assertThat(RunScope.current()).isNull();
  }

  @Test
  void aStreamedCallIsRecordedWithTheUsageOfItsLastChunk() {
    chatModel(observations(metrics), true).stream(new Prompt("Stream it")).blockLast();

    afterTheStream(
        lines ->
            assertThat(lines)
                .contains(
                    "gen_ai_client_inference_usage_output_tokens_total{gen_ai_agent_name=\"support-bot\","
                        + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
                        + "gen_ai_request_model=\"gpt-5-mini\",gen_ai_token_modality=\"unknown\","
                        + "team=\"care\"} 30.0"));
  }

  @Test
  void aStreamThroughChatClientIsTimedChunkByChunk() {
    SpringAiBridge bridge = bridge(metrics);
    ObservationRegistry observations = observationsForChunkTiming(bridge);
    ChatClient client =
        ChatClient.builder(chatModel(observations, true), observations, null, null)
            .defaultAdvisors(new ChunkTimingAdvisor(bridge))
            .build();

    List<String> chunks = client.prompt("Stream it").stream().content().collectList().block();

    // The stand-in streams the answer a word per chunk; the ticker advances 250 ms per reading:
    // one at the start, one per chunk, one at the end.
    assertThat(String.join("", chunks)).isEqualTo("You asked: Stream it. Here is what I found.");
    int n = chunks.size();
    String call = CALL;
    afterTheStream(
        lines ->
            assertThat(lines)
                .contains(
                    "gen_ai_client_inference_time_to_first_chunk_seconds_count{" + call + "} 1",
                    "gen_ai_client_inference_time_to_first_chunk_seconds_sum{" + call + "} 0.25",
                    "gen_ai_client_inference_time_per_output_chunk_seconds_count{"
                        + call
                        + "} "
                        + (n - 1),
                    "gen_ai_client_inference_time_per_output_chunk_seconds_sum{"
                        + call
                        + "} "
                        + (n - 1) * 0.25,
                    "gen_ai_client_inference_duration_seconds_sum{error_type=\"\","
                        + call
                        + "} "
                        + (n + 1) * 0.25));
  }

  private ChatClient streamingClient() {
    SpringAiBridge bridge = bridge(metrics);
    ObservationRegistry observations = observationsForChunkTiming(bridge);
    return ChatClient.builder(chatModel(observations, true), observations, null, null)
        .defaultAdvisors(new ChunkTimingAdvisor(bridge))
        .build();
  }

  @Test
  void aStreamThroughChatClientKeepsTheCacheTokensOfItsLastChunk() {
    // Spring AI's aggregated response of a stream keeps prompt, completion and total only; the
    // stream's last chunk has the provider's usage with the cache reads (20).
    streamingClient().prompt("Stream it").stream().content().collectList().block();

    String tokens =
        "gen_ai_agent_name=\"support-bot\",gen_ai_operation_name=\"chat\","
            + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5-mini\","
            + "gen_ai_token_modality=\"unknown\",team=\"care\"";
    afterTheStream(
        lines ->
            assertThat(lines)
                .contains(
                    "gen_ai_client_inference_usage_input_tokens_total{" + tokens + "} 120.0",
                    "gen_ai_client_inference_usage_cache_read_input_tokens_total{"
                        + tokens
                        + "} 20.0",
                    "agent_tokens_saved_total{gen_ai_provider_name=\"openai\","
                        + "gen_ai_request_model=\"gpt-5-mini\",mechanism=\"caching\"} 20.0",
                    // at the cached price: 100 x $0.25/M + 20 x $0.025/M + 30 x $2/M
                    "agent_cost_usd_total{gen_ai_agent_name=\"support-bot\","
                        + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5-mini\","
                        + "team=\"care\"} 8.55E-5"));
  }

  @Test
  void manyConcurrentStreamsAreTimedChunkByChunkEveryOne() throws Exception {
    // Spring AI hands the chunks to the advisor on another thread than the one that stops the
    // model's observation; each call is recorded once the advisor has seen its stream end.
    ChatClient client = streamingClient();
    int streams = 40;
    int chunks = client.prompt("Stream it").stream().content().collectList().block().size();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        // A consumer slower than the chunks arrive (the stand-in sends one every 20 ms), as a chat
        // window can be: the model's stream ends, and its observation stops, before the advisor
        // has seen the last chunks. The handler before this fix lost chunks here every run.
        answers.add(
            pool.submit(
                () ->
                    client.prompt("Stream it").stream()
                        .content()
                        .delayElements(Duration.ofMillis(30))
                        .collectList()
                        .block()));
      }
      for (Future<List<String>> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).hasSize(chunks);
      }
    } finally {
      pool.shutdownNow();
    }

    int calls = streams + 1;
    String call = CALL;
    afterTheStream(
        lines ->
            assertThat(lines)
                .contains(
                    "gen_ai_client_inference_duration_seconds_count{error_type=\"\","
                        + call
                        + "} "
                        + calls,
                    "gen_ai_client_inference_time_to_first_chunk_seconds_count{"
                        + call
                        + "} "
                        + calls,
                    "gen_ai_client_inference_time_per_output_chunk_seconds_count{"
                        + call
                        + "} "
                        + calls * (chunks - 1)));
  }

  @Test
  void aStreamedCallWithoutTheAdvisorHasNoChunkTimes() {
    chatModel(observations(metrics), true).stream(new Prompt("Stream it")).blockLast();

    afterTheStream(
        lines ->
            assertThat(lines)
                .anyMatch(
                    line -> line.startsWith("gen_ai_client_inference_duration_seconds_count{"))
                .noneMatch(
                    line ->
                        line.startsWith(
                            "gen_ai_client_inference_time_to_first_chunk_seconds_count{")));
  }

  @Test
  void embeddingCallsAndVectorStoreQueriesAreRecorded() {
    ObservationRegistry observations = observations(metrics);
    OpenAiEmbeddingModel embeddings =
        OpenAiEmbeddingModel.builder()
            .options(
                OpenAiEmbeddingOptions.builder()
                    .baseUrl(standin.baseUrl() + "/v1")
                    .apiKey(UUID.randomUUID().toString())
                    .model("text-embedding-3-small")
                    .maxRetries(0)
                    .build())
            .observationRegistry(observations)
            .build();
    SimpleVectorStore store =
        SimpleVectorStore.builder(embeddings).observationRegistry(observations).build();
    store.add(
        List.of(new Document("Orders ship in two days."), new Document("Refunds take five.")));

    List<Document> found =
        store.similaritySearch(
            SearchRequest.builder()
                .query("When do orders ship?")
                .topK(2)
                .similarityThresholdAll()
                .build());

    assertThat(found).hasSize(2);
    List<String> lines = scrape();
    assertThat(lines)
        .anyMatch(
            line ->
                line.startsWith(
                        "gen_ai_client_inference_duration_seconds_count{error_type=\"\","
                            + "gen_ai_operation_name=\"embeddings\",gen_ai_provider_name=\"openai\","
                            + "gen_ai_request_model=\"text-embedding-3-small\"}")
                    && !line.endsWith(" 0"))
        .contains(
            "agent_rag_documents_retrieved_sum{gen_ai_agent_name=\"support-bot\",store=\"simple\"} 2.0",
            "agent_vectorstore_query_duration_seconds_count{store=\"simple\"} 1");
  }

  @Test
  void aFailedCallIsRecordedWithTheClientsExceptionClass() {
    OpenAiStandin failing =
        OpenAiStandin.builder()
            .failures(n -> new OpenAiStandin.Failure(429, "slow down"))
            .build()
            .start(0);
    try {
      OpenAiChatModel model =
          OpenAiChatModel.builder()
              .options(
                  OpenAiChatOptions.builder()
                      .baseUrl(failing.baseUrl() + "/v1")
                      .apiKey(UUID.randomUUID().toString())
                      .model("gpt-5-mini")
                      .maxRetries(0)
                      .build())
              .observationRegistry(observations(metrics))
              .build();
      assertThatThrownBy(() -> model.call(new Prompt("hi"))).isInstanceOf(RuntimeException.class);
    } finally {
      failing.close();
    }
    assertThat(scrape())
        .contains(
            "gen_ai_client_inference_duration_seconds_count{error_type=\"com.openai.errors.RateLimitException\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-5-mini\"} 1");
  }

  @Test
  void aRecorderThatThrowsNeverBreaksTheCallAndTheFailureIsCounted() {
    AgentMetrics broken = ThrowingRecorder.throwingOn("llmCall", metrics);

    ChatResponse response = chatModel(observations(broken), false).call(new Prompt("still works?"));

    assertThat(response.getResult().getOutput().getText()).startsWith("You asked: still works?");
    assertThat(scrape())
        .contains("agentmetrics_integration_failures_total{integration=\"spring_ai\"} 1.0");
  }

  /** The lookup tool's input. */
  record OrderQuery(String text) {}
}
