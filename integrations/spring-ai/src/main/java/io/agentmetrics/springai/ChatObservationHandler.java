package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.core.IntegrationGuard;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * A chat model call ({@code ChatModelObservationContext}, plain or streamed) as an {@link LlmCall}:
 * duration, provider, requested model (else the response's), input, output, cache-read and
 * cache-write tokens from the response's usage, the exception's class on failure, and for a stream
 * through a {@code ChatClient} with the {@link ChunkTimingAdvisor} the time to first chunk and
 * between chunks and the usage of the stream's last chunk (which has the cache tokens that Spring
 * AI's aggregated response drops), recorded once the advisor has seen the stream end.
 */
final class ChatObservationHandler extends TimedHandler<ChatModelObservationContext> {

  ChatObservationHandler(AgentMetrics metrics, Attribution attribution, IntegrationGuard failures) {
    super(metrics, attribution, failures, ChatModelObservationContext.class, "chat model");
  }

  @Override
  void started(ChatModelObservationContext context) {
    RunCalls calls = RunCalls.above(context);
    if (calls != null) {
      calls.inference.incrementAndGet();
    }
  }

  @Override
  void record(ChatModelObservationContext context, long startNanos, double seconds) {
    ChatResponse response = context.getResponse();
    LlmCall.Builder call =
        LlmCall.builder(
                ProviderNames.of(context.getOperationMetadata().provider()),
                model(context, response))
            .operation(OperationNames.of(context.getOperationMetadata().operationType()))
            .agent(attribution.agent())
            .team(attribution.team())
            .durationSeconds(seconds);
    Usage usage =
        response == null || response.getMetadata() == null
            ? null
            : response.getMetadata().getUsage();
    if (context.getError() != null) {
      call.errorType(ErrorTypes.of(context.getError()));
    }
    ChunkClock clock = context.isStreaming() ? ChunkClock.above(context) : null;
    if (clock == null) {
      tokens(call, usage);
      metrics.llmCall(call.build());
      return;
    }
    // A stream through the advisor: recorded once the advisor has seen every chunk.
    clock.whenDone(
        () ->
            failures.guard(
                "chat stream",
                () -> {
                  tokens(call, clock.usage() != null ? clock.usage() : usage);
                  chunkTimes(call, clock, startNanos);
                  metrics.llmCall(call.build());
                }));
  }

  private static void tokens(LlmCall.Builder call, Usage usage) {
    if (usage != null) {
      call.tokens(orZero(usage.getPromptTokens()), orZero(usage.getCompletionTokens()));
      call.cachedTokens(orZero(usage.getCacheReadInputTokens()));
      call.cacheWriteTokens(orZero(usage.getCacheWriteInputTokens()));
    }
  }

  /** The time to first chunk and between chunks, as the {@link ChunkTimingAdvisor} saw them. */
  private static void chunkTimes(LlmCall.Builder call, ChunkClock clock, long startNanos) {
    long[] arrivals = clock.arrivals();
    if (arrivals.length == 0) {
      return;
    }
    call.timeToFirstChunkSeconds(Math.max(0, arrivals[0] - startNanos) / 1e9);
    double[] intervals = new double[arrivals.length - 1];
    for (int i = 1; i < arrivals.length; i++) {
      intervals[i - 1] = Math.max(0, arrivals[i] - arrivals[i - 1]) / 1e9;
    }
    call.chunkIntervalsSeconds(intervals);
  }

  private static String model(ChatModelObservationContext context, ChatResponse response) {
    ChatOptions options = context.getRequest() == null ? null : context.getRequest().getOptions();
    if (options != null && options.getModel() != null) {
      return options.getModel();
    }
    if (response != null && response.getMetadata() != null) {
      String model = response.getMetadata().getModel();
      if (model != null && !model.isEmpty()) {
        return model;
      }
    }
    return "unknown";
  }

  static long orZero(Number value) {
    return value == null ? 0 : Math.max(0, value.longValue());
  }
}
