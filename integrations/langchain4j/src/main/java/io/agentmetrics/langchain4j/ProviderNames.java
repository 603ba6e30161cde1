package io.agentmetrics.langchain4j;

import dev.langchain4j.model.ModelProvider;
import java.util.EnumMap;
import java.util.Map;

/** LangChain4j's {@link ModelProvider} as the GenAI conventions' {@code gen_ai.provider.name}. */
final class ProviderNames {

  private static final Map<ModelProvider, String> NAMES = new EnumMap<>(ModelProvider.class);

  static {
    NAMES.put(ModelProvider.OPEN_AI, "openai");
    NAMES.put(ModelProvider.ANTHROPIC, "anthropic");
    NAMES.put(ModelProvider.AMAZON_BEDROCK, "aws.bedrock");
    NAMES.put(ModelProvider.AZURE_OPEN_AI, "azure.ai.openai");
    NAMES.put(ModelProvider.MICROSOFT_FOUNDRY, "azure.ai.inference");
    NAMES.put(ModelProvider.GOOGLE_AI_GEMINI, "gcp.gemini");
    NAMES.put(ModelProvider.GOOGLE_GENAI, "gcp.gen_ai");
    NAMES.put(ModelProvider.GOOGLE_VERTEX_AI_GEMINI, "gcp.vertex_ai");
    NAMES.put(ModelProvider.GOOGLE_VERTEX_AI_ANTHROPIC, "gcp.vertex_ai");
    NAMES.put(ModelProvider.MISTRAL_AI, "mistral_ai");
    NAMES.put(ModelProvider.COHERE, "cohere");
    NAMES.put(ModelProvider.WATSONX, "ibm.watsonx.ai");
    NAMES.put(ModelProvider.OLLAMA, "ollama");
    NAMES.put(ModelProvider.GITHUB_MODELS, "github");
    NAMES.put(ModelProvider.VOYAGE_AI, "voyage_ai");
    NAMES.put(ModelProvider.JINA, "jina");
  }

  private ProviderNames() {}

  static String of(ModelProvider provider) {
    return provider == null ? "_OTHER" : NAMES.getOrDefault(provider, "_OTHER");
  }
}
