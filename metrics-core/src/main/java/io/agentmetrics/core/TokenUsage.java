package io.agentmetrics.core;

/**
 * The tokens of one or more LLM calls that arrive already summed, such as an OTLP metric export's
 * token counters, with the labels the calls share. As for an {@link io.agentmetrics.api.LlmCall},
 * cache reads and writes are parts of the input tokens and reasoning tokens a part of the output; a
 * count of 0 is "not reported".
 *
 * @param operation the GenAI operation ({@code chat}, ...)
 * @param provider the provider ({@code gen_ai.provider.name})
 * @param model the model
 * @param agent the agent
 * @param team the team the tokens are charged to; empty when not attributed
 * @param inputTokens input tokens, cached ones included
 * @param outputTokens output tokens, reasoning ones included
 * @param cacheReadTokens input tokens read from the provider's cache (priced at the cached price)
 * @param cacheWriteTokens input tokens written to the provider's cache
 * @param reasoningTokens output tokens spent on reasoning
 * @param calls how many calls the counts sum, where the sender tells (1 where it does not): what an
 *     unknown model counts in {@code agentmetrics_cost_unknown_model_total}
 */
public record TokenUsage(
    String operation,
    String provider,
    String model,
    String agent,
    String team,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    long calls) {}
