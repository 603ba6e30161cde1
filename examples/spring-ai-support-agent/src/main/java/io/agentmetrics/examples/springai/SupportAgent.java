package io.agentmetrics.examples.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.RunScope;
import io.agentmetrics.api.ToolCallScope;
import io.agentmetrics.api.ToolKind;
import io.agentmetrics.springai.SpringAiBridge;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.vectorstore.QuestionAnswerAdvisor;
import org.springframework.ai.chat.evaluation.RelevancyEvaluator;
import org.springframework.ai.document.Document;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.Evaluator;
import org.springframework.ai.mcp.SyncMcpToolCallbackProvider;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The support agent: a Spring AI {@link ChatClient} that looks orders up over MCP (the order
 * service's tools through Spring AI's MCP client starter) and retrieves from the bundled documents
 * ({@link QuestionAnswerAdvisor} on a {@link SimpleVectorStore}). Spring AI records its chat, tool
 * and vector store calls through observations, which the agentmetrics starter turns into our
 * metrics: no recording code for them here. The agent records with the injected {@link
 * AgentMetrics} only what Spring AI cannot know: its runs, its answer cache, its own skill, its
 * messages, the use of its features, its budgets, start-up and session. Each fresh answer is judged
 * by Spring AI's {@link RelevancyEvaluator}, recorded through the starter's bridge.
 */
@Service
public class SupportAgent {

  static final String NAME = "support-bot";
  private static final String CHANNEL = "chat";
  private static final String REDACT = "redact_pii";

  private final AgentMetrics metrics;
  private final ChatClient chat;
  private final SyncMcpToolCallbackProvider orderTools;
  private final Evaluator relevance;
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  /**
   * Wires the chat client with the tool and the documents, and the judge of its answers: Spring
   * AI's {@link RelevancyEvaluator} on a chat client of its own, recorded through the starter's
   * bridge.
   */
  public SupportAgent(
      ChatClient.Builder chat,
      ChatClient.Builder judge,
      ObservationRegistry observations,
      AgentMetrics metrics,
      SpringAiBridge bridge,
      SyncMcpToolCallbackProvider orderTools) {
    this.metrics = metrics;
    this.orderTools = orderTools;
    this.relevance = bridge.recorded("relevance", new RelevancyEvaluator(judge));
    VectorStore documents =
        SimpleVectorStore.builder(new InProcessEmbeddings())
            .observationRegistry(observations)
            .build();
    documents.add(bundledDocuments());
    this.chat = chat.defaultAdvisors(QuestionAnswerAdvisor.builder(documents).build()).build();
  }

  /** The agent's budgets, start-up time and open session, once the application is ready. */
  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    metrics.budget(BudgetPeriod.DAILY, 5);
    metrics.budget(BudgetPeriod.MONTHLY, 50);
    metrics.budget(BudgetPeriod.DAILY, "care", 2); // the team the agent's calls are charged to
    metrics.activeSessions(NAME, 1);
    metrics.agentStartup(
        NAME,
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
            / 1000.0);
  }

  /**
   * Answers one question: from the agent's cache when it was asked before, else through the chat
   * client, streamed ({@code stream}: chunk by chunk, as a chat UI shows it, then joined) or in one
   * piece. A failed answer is recorded as a failed run and rethrown.
   */
  public String answer(String question, boolean stream) {
    metrics.message(NAME, CHANNEL, Direction.INBOUND);
    RunScope run = metrics.startRun(NAME);
    try {
      String cached = answers.get(question);
      metrics.cacheLookup("answers", cached != null);
      String answer = cached != null ? cached : redacted(ask(question, stream));
      if (cached == null) {
        judge(question, answer);
      }
      answers.putIfAbsent(question, answer);
      metrics.message(NAME, CHANNEL, Direction.OUTBOUND);
      return answer;
    } catch (RuntimeException e) {
      run.failed(e);
      throw e;
    } finally {
      run.close();
    }
  }

  /**
   * Asks the model, with the order service's tools as its MCP client lists them (Spring AI's
   * provider keeps the list until the server says it changed).
   */
  private String ask(String question, boolean stream) {
    ChatClient.ChatClientRequestSpec prompt =
        chat.prompt(question).toolCallbacks(orderTools.getToolCallbacks());
    if (!stream) {
      return prompt.call().content();
    }
    return prompt.stream().content().collect(Collectors.joining()).block();
  }

  /**
   * Asks the judge whether the answer fits the question; the bridge records its verdict. A judge
   * that fails (the provider's 429 or 503) leaves this answer unjudged, and the answer stands.
   */
  private void judge(String question, String answer) {
    try {
      relevance.evaluate(new EvaluationRequest(question, List.of(), answer));
    } catch (RuntimeException e) {
      // the judge's failed call is recorded as a failed LLM call; the answer is still good
    }
  }

  /** Forgets the cached answers. */
  public void clearCache() {
    answers.clear();
  }

  /** The agent's own packaged skill: masks anything that looks like a card or phone number. */
  private String redacted(String answer) {
    metrics.skillAccess(NAME, REDACT, true);
    try (ToolCallScope skill = metrics.startToolCall(NAME, REDACT).kind(ToolKind.SKILL)) {
      return answer.replaceAll("\\d{7,}", "[redacted]");
    }
  }

  private static List<Document> bundledDocuments() {
    List<Document> documents = new ArrayList<>();
    for (String file : read("docs/index.txt").strip().split("\n")) {
      documents.add(new Document(read("docs/" + file.strip())));
    }
    return documents;
  }

  private static String read(String path) {
    try {
      return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
