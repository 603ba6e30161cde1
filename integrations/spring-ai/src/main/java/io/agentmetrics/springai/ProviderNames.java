package io.agentmetrics.springai;

import java.util.Map;

/**
 * Spring AI's provider names ({@code AiProvider}) as the GenAI conventions' {@code
 * gen_ai.provider.name} values; names without a spec value are kept as they are.
 */
final class ProviderNames {

  private static final Map<String, String> SPEC =
      Map.of(
          "bedrock_converse", "aws.bedrock",
          "google_genai", "gcp.gen_ai",
          "vertex_ai", "gcp.vertex_ai",
          "azure_openai", "azure.ai.openai");

  private ProviderNames() {}

  static String of(String springAiProvider) {
    if (springAiProvider == null || springAiProvider.isBlank()) {
      return "_OTHER";
    }
    return SPEC.getOrDefault(springAiProvider, springAiProvider);
  }
}
