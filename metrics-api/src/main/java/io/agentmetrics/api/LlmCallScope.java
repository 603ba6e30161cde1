package io.agentmetrics.api;

import java.util.Arrays;

/**
 * An LLM call in progress, from {@link AgentMetrics#startLlmCall} or {@link RunScope#startLlmCall}:
 * {@link #close()} records it with its duration, and for a streamed call the time to the first
 * chunk and the time between chunks, all measured by the facade's {@link Ticker} when {@link
 * #chunk()} is called. Token counts and the rest come from the response, through the setters here
 * or {@link #details()}.
 *
 * <pre>{@code
 * try (LlmCallScope call = metrics.startLlmCall("openai", "gpt-5").agent("support-bot")) {
 *   for (Chunk c : stream) { call.chunk(); ... }
 *   call.tokens(usage.input(), usage.output());
 * }
 * }</pre>
 *
 * Not thread-safe: one call is driven by one thread at a time. Closing twice records once.
 */
public final class LlmCallScope extends MeasuredScope {

  private final LlmCall.Builder details;
  private long lastChunkNanos = -1;
  private double[] intervals = new double[0];
  private int intervalCount;

  LlmCallScope(AgentMetrics metrics, String provider, String model) {
    super(metrics);
    this.details = LlmCall.builder(provider, model);
  }

  /** The calling agent. */
  public LlmCallScope agent(String agent) {
    details.agent(agent);
    return this;
  }

  /** The {@code gen_ai.operation.name} ({@code chat} unless set). */
  public LlmCallScope operation(String operation) {
    details.operation(operation);
    return this;
  }

  /** The team the call's tokens and cost are charged to. */
  public LlmCallScope team(String team) {
    details.team(team);
    return this;
  }

  /** Input and output tokens from the response's usage. */
  public LlmCallScope tokens(long input, long output) {
    details.tokens(input, output);
    return this;
  }

  /**
   * A streamed chunk arrived now: the first sets the time to first chunk, each later one adds the
   * time since the chunk before it.
   */
  public LlmCallScope chunk() {
    long now = metrics.ticker().nanos();
    if (lastChunkNanos < 0) {
      details.timeToFirstChunkSeconds(Math.max(0, now - startNanos) / 1e9);
    } else {
      if (intervalCount == intervals.length) {
        intervals = Arrays.copyOf(intervals, Math.max(8, intervalCount * 2));
      }
      intervals[intervalCount++] = Math.max(0, now - lastChunkNanos) / 1e9;
    }
    lastChunkNanos = now;
    return this;
  }

  /** The call failed with {@code error}. */
  public LlmCallScope failed(Throwable error) {
    return failed(ErrorTypes.of(error));
  }

  /** The call failed with {@code errorType} (a class or code, never a message). */
  public LlmCallScope failed(String errorType) {
    details.errorType(errorType == null ? "_OTHER" : errorType);
    return this;
  }

  /** Everything else the response tells: cached, reasoning and cache-write tokens, its cost. */
  public LlmCall.Builder details() {
    return details;
  }

  @Override
  void record(double seconds) {
    details.durationSeconds(seconds);
    if (intervalCount > 0) {
      details.chunkIntervalsSeconds(Arrays.copyOf(intervals, intervalCount));
    }
    metrics.llmCall(details.build());
  }
}
