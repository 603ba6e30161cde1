package io.agentmetrics.langchain4j;

import dev.langchain4j.model.output.TokenUsage;
import io.agentmetrics.api.LlmCall;

/**
 * OpenAI's token details (cached input, reasoning output), read only where {@code
 * langchain4j-open-ai} is on the classpath: the bridge does not need it otherwise.
 */
final class OpenAiUsage {

  private static final boolean AVAILABLE = available();

  private OpenAiUsage() {}

  /** Adds the cached and reasoning tokens of an OpenAI usage to {@code call}. */
  static void details(TokenUsage usage, LlmCall.Builder call) {
    if (AVAILABLE) {
      Reader.read(usage, call);
    }
  }

  private static boolean available() {
    try {
      Class.forName(
          "dev.langchain4j.model.openai.OpenAiTokenUsage",
          false,
          OpenAiUsage.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Loaded only when the OpenAI module is there. */
  private static final class Reader {
    static void read(TokenUsage usage, LlmCall.Builder call) {
      if (usage instanceof dev.langchain4j.model.openai.OpenAiTokenUsage openAi) {
        if (openAi.inputTokensDetails() != null) {
          call.cachedTokens(ChatListener.orZero(openAi.inputTokensDetails().cachedTokens()));
        }
        if (openAi.outputTokensDetails() != null) {
          call.reasoningTokens(ChatListener.orZero(openAi.outputTokensDetails().reasoningTokens()));
        }
      }
    }
  }
}
