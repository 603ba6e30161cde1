package io.agentmetrics.api;

import java.time.Duration;

/**
 * One finished LLM call (a GenAI client operation). Build it with {@link #builder(String, String)};
 * unknown numbers stay at their "absent" defaults (0 tokens, NaN seconds or cost).
 *
 * @param provider {@code gen_ai.provider.name}, e.g. {@code openai}
 * @param model {@code gen_ai.request.model}
 * @param operation {@code gen_ai.operation.name}, {@code chat} by default
 * @param agent the calling agent's name, {@value Labels#UNKNOWN_AGENT} when not known
 * @param durationSeconds the whole call's duration
 * @param timeToFirstChunkSeconds time to the first streamed chunk; NaN when not streamed
 * @param errorType an error class or code, or null on success
 * @param inputTokens input tokens, including cached ones
 * @param outputTokens output tokens, including reasoning ones
 * @param cachedTokens input tokens served from the provider's prompt cache
 * @param reasoningTokens output tokens spent on reasoning
 * @param tokensSavedByCompression tokens removed by context compression before the call
 * @param tokensSavedByRouting tokens saved by routing to a smaller model
 * @param reportedCostUsd the cost the provider reported; NaN to compute it from the price table
 */
public record LlmCall(
    String provider,
    String model,
    String operation,
    String agent,
    double durationSeconds,
    double timeToFirstChunkSeconds,
    String errorType,
    long inputTokens,
    long outputTokens,
    long cachedTokens,
    long reasoningTokens,
    long tokensSavedByCompression,
    long tokensSavedByRouting,
    double reportedCostUsd) {

  /** Whether the call failed. */
  public boolean failed() {
    return errorType != null;
  }

  /** Starts a call of {@code model} at {@code provider}. */
  public static Builder builder(String provider, String model) {
    return new Builder(provider, model);
  }

  /** Builds an {@link LlmCall}; never throws, validation happens when recording. */
  public static final class Builder {
    private final String provider;
    private final String model;
    private String operation = "chat";
    private String agent = Labels.UNKNOWN_AGENT;
    private double durationSeconds = Double.NaN;
    private double timeToFirstChunkSeconds = Double.NaN;
    private String errorType;
    private long inputTokens;
    private long outputTokens;
    private long cachedTokens;
    private long reasoningTokens;
    private long tokensSavedByCompression;
    private long tokensSavedByRouting;
    private double reportedCostUsd = Double.NaN;

    private Builder(String provider, String model) {
      this.provider = provider;
      this.model = model;
    }

    /** The {@code gen_ai.operation.name}, e.g. chat, embeddings. */
    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    /** The calling agent. */
    public Builder agent(String agent) {
      this.agent = agent;
      return this;
    }

    /** The call's duration. */
    public Builder duration(Duration duration) {
      this.durationSeconds = duration == null ? Double.NaN : duration.toNanos() / 1e9;
      return this;
    }

    /** The call's duration in seconds. */
    public Builder durationSeconds(double seconds) {
      this.durationSeconds = seconds;
      return this;
    }

    /** Time to the first streamed chunk, in seconds. */
    public Builder timeToFirstChunkSeconds(double seconds) {
      this.timeToFirstChunkSeconds = seconds;
      return this;
    }

    /** Marks the call failed with this error class or code (never a message). */
    public Builder errorType(String errorType) {
      this.errorType = errorType;
      return this;
    }

    /** Input and output token counts. */
    public Builder tokens(long input, long output) {
      this.inputTokens = input;
      this.outputTokens = output;
      return this;
    }

    /** Input tokens served from the provider's prompt cache. */
    public Builder cachedTokens(long cached) {
      this.cachedTokens = cached;
      return this;
    }

    /** Output tokens spent on reasoning. */
    public Builder reasoningTokens(long reasoning) {
      this.reasoningTokens = reasoning;
      return this;
    }

    /** Tokens saved by context compression. */
    public Builder tokensSavedByCompression(long saved) {
      this.tokensSavedByCompression = saved;
      return this;
    }

    /** Tokens saved by routing to a smaller model. */
    public Builder tokensSavedByRouting(long saved) {
      this.tokensSavedByRouting = saved;
      return this;
    }

    /** The cost the provider reported, used instead of the price table. */
    public Builder reportedCostUsd(double usd) {
      this.reportedCostUsd = usd;
      return this;
    }

    /** The call. */
    public LlmCall build() {
      return new LlmCall(
          provider,
          model,
          operation,
          agent,
          durationSeconds,
          timeToFirstChunkSeconds,
          errorType,
          inputTokens,
          outputTokens,
          cachedTokens,
          reasoningTokens,
          tokensSavedByCompression,
          tokensSavedByRouting,
          reportedCostUsd);
    }
  }
}
