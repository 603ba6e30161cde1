package io.agentmetrics.benchmarks;

import io.agentmetrics.api.LlmCall;

/**
 * The {@value LabelSets#SIZE} LLM calls the {@code llmCall} benchmarks cycle through: 8 provider
 * and model pairs of the bundled price table, 8 agents, success or a timeout; streamed (time to
 * first chunk), with input and output tokens. Built once, so the measured code only records.
 */
final class LlmCalls {

  private static final String[][] MODELS = {
    {"openai", "gpt-5"},
    {"openai", "gpt-5-mini"},
    {"openai", "gpt-4.1"},
    {"anthropic", "claude-sonnet-4-5"},
    {"anthropic", "claude-haiku-4-5"},
    {"gcp.gemini", "gemini-2.5-pro"},
    {"gcp.gemini", "gemini-2.5-flash"},
    {"azure.ai.openai", "gpt-4o-mini"}
  };

  static final String OPERATION = "chat";
  static final double DURATION_SECONDS = 0.84;
  static final double FIRST_CHUNK_SECONDS = 0.21;
  static final long INPUT_TOKENS = 1200;
  static final long OUTPUT_TOKENS = 300;

  /** The calls, by label set index. */
  static final LlmCall[] CALLS = new LlmCall[LabelSets.SIZE];

  static {
    for (int i = 0; i < CALLS.length; i++) {
      CALLS[i] =
          LlmCall.builder(provider(i), model(i))
              .operation(OPERATION)
              .agent(LabelSets.agent(i))
              .durationSeconds(DURATION_SECONDS)
              .timeToFirstChunkSeconds(FIRST_CHUNK_SECONDS)
              .tokens(INPUT_TOKENS, OUTPUT_TOKENS)
              .errorType(errorType(i))
              .build();
    }
  }

  private LlmCalls() {}

  static String provider(int i) {
    return MODELS[(i >> 3) & 7][0];
  }

  static String model(int i) {
    return MODELS[(i >> 3) & 7][1];
  }

  /** Null on success. */
  static String errorType(int i) {
    return LabelSets.allowed(i) ? null : "timeout";
  }

  /** The error.type label: empty on success, as catalogue v2 records it. */
  static String errorLabel(int i) {
    return LabelSets.allowed(i) ? "" : "timeout";
  }

  /** A fixed cost: the plain baselines record one number where the facade prices the tokens. */
  static double costUsd(int i) {
    return 0.0042;
  }
}
