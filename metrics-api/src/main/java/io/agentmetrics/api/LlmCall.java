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
 * @param team the team (tenant, project) the call is charged to; empty when not attributed
 * @param durationSeconds the whole call's duration
 * @param timeToFirstChunkSeconds time to the first streamed chunk; NaN when not streamed
 * @param chunkIntervalsSeconds for a streamed call, the time between each chunk after the first and
 *     the one before it; empty when not streamed (the array is not copied: do not change it)
 * @param errorType an error class or code, or null on success
 * @param inputTokens input tokens, including cached ones
 * @param outputTokens output tokens, including reasoning ones
 * @param cachedTokens input tokens served from the provider's prompt cache (cache read)
 * @param cacheWriteTokens input tokens written to the provider's prompt cache
 * @param reasoningTokens output tokens spent on reasoning
 * @param tokensSavedByCompression tokens removed by context compression before the call
 * @param tokensSavedByRouting tokens saved by routing to a smaller model
 * @param reportedCostUsd the cost the provider reported; NaN to compute it from the price table
 * @param workflow the workflow the call was made in, or null outside any workflow
 * @param workflowStep the step of {@code workflow} the call was made in, or null
 */
public record LlmCall(
    String provider,
    String model,
    String operation,
    String agent,
    String team,
    double durationSeconds,
    double timeToFirstChunkSeconds,
    double[] chunkIntervalsSeconds,
    String errorType,
    long inputTokens,
    long outputTokens,
    long cachedTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    long tokensSavedByCompression,
    long tokensSavedByRouting,
    double reportedCostUsd,
    String workflow,
    String workflowStep) {

  private static final double[] NO_CHUNKS = new double[0];

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
    private String team = Labels.NO_TEAM;
    private double durationSeconds = Double.NaN;
    private double timeToFirstChunkSeconds = Double.NaN;
    private double[] chunkIntervalsSeconds = NO_CHUNKS;
    private String errorType;
    private long inputTokens;
    private long outputTokens;
    private long cachedTokens;
    private long cacheWriteTokens;
    private long reasoningTokens;
    private long tokensSavedByCompression;
    private long tokensSavedByRouting;
    private double reportedCostUsd = Double.NaN;
    private String workflow;
    private String workflowStep;

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

    /** The team (tenant, project) the call's tokens and cost are charged to. */
    public Builder team(String team) {
      this.team = team;
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

    /**
     * For a streamed call, the time in seconds between each chunk after the first and the chunk
     * before it; each is one observation of {@code gen_ai.client.inference.time_per_output_chunk}.
     */
    public Builder chunkIntervalsSeconds(double... seconds) {
      this.chunkIntervalsSeconds = seconds == null ? NO_CHUNKS : seconds;
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

    /** Input tokens written to the provider's prompt cache. */
    public Builder cacheWriteTokens(long written) {
      this.cacheWriteTokens = written;
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

    /**
     * The workflow and step the call was made in: its tokens and cost are also counted by step. A
     * null workflow or step leaves the call outside any workflow.
     */
    public Builder workflowStep(String workflow, String step) {
      this.workflow = workflow;
      this.workflowStep = step;
      return this;
    }

    /** The call. */
    public LlmCall build() {
      return new LlmCall(
          provider,
          model,
          operation,
          agent,
          team,
          durationSeconds,
          timeToFirstChunkSeconds,
          chunkIntervalsSeconds,
          errorType,
          inputTokens,
          outputTokens,
          cachedTokens,
          cacheWriteTokens,
          reasoningTokens,
          tokensSavedByCompression,
          tokensSavedByRouting,
          reportedCostUsd,
          workflow,
          workflowStep);
    }
  }
}
