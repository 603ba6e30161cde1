package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.core.IntegrationGuard;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * Times the chunks of a {@code ChatClient} stream for the chat model handler, since Spring AI's
 * observations have no event per chunk: it sits just before the call to the model (so each round of
 * a tool-calling conversation is timed on its own), notes when every chunk that carries text or
 * tool calls passes, and leaves the result in its observation's context, where the chat model
 * observation under it finds it. Registered on every {@code ChatClient} by the Spring Boot starter,
 * or by hand with {@code ChatClient.builder(model).defaultAdvisors(new
 * ChunkTimingAdvisor(bridge))}.
 */
public final class ChunkTimingAdvisor implements StreamAdvisor {

  /** Just before Spring AI's {@code ChatModelStreamAdvisor}, which is the lowest precedence. */
  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

  private final AgentMetrics metrics;
  private final IntegrationGuard failures;

  /** An advisor for {@code bridge}'s chat model handler, timed by its facade's ticker. */
  public ChunkTimingAdvisor(SpringAiBridge bridge) {
    this.metrics = bridge.metrics;
    this.failures = bridge.failures;
  }

  @Override
  public Flux<ChatClientResponse> adviseStream(
      ChatClientRequest request, StreamAdvisorChain chain) {
    return Flux.deferContextual(
        view -> {
          Observation own = view.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
          if (own == null || own.isNoop()) {
            return chain.nextStream(request);
          }
          ChunkClock clock = new ChunkClock();
          own.getContext().put(ChunkClock.KEY, clock);
          return chain
              .nextStream(request)
              .doOnNext(
                  response ->
                      failures.guard(
                          "chat stream",
                          () -> {
                            if (carriesOutput(response)) {
                              clock.chunk(metrics.ticker().nanos());
                            }
                            Usage usage = usageOf(response);
                            if (usage != null) {
                              clock.usage(usage);
                            }
                          }))
              .doFinally(signal -> clock.finish());
        });
  }

  /**
   * The usage a chunk carries (the provider's, with its cache tokens: Spring AI's aggregated
   * response of a stream keeps only prompt, completion and total), or null.
   */
  private static Usage usageOf(ChatClientResponse response) {
    ChatResponse chat = response.chatResponse();
    if (chat == null || chat.getMetadata() == null) {
      return null;
    }
    Usage usage = chat.getMetadata().getUsage();
    if (usage == null
        || (ChatObservationHandler.orZero(usage.getPromptTokens()) == 0
            && ChatObservationHandler.orZero(usage.getCompletionTokens()) == 0)) {
      return null;
    }
    return usage;
  }

  private static boolean carriesOutput(ChatClientResponse response) {
    ChatResponse chat = response.chatResponse();
    if (chat == null) {
      return false;
    }
    for (Generation generation : chat.getResults()) {
      if (generation.getOutput() == null) {
        continue;
      }
      String text = generation.getOutput().getText();
      if ((text != null && !text.isEmpty()) || generation.getOutput().hasToolCalls()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String getName() {
    return "agentmetrics-chunk-timing";
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
