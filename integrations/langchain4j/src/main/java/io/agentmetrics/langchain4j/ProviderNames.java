package io.agentmetrics.langchain4j;

import dev.langchain4j.model.ModelProvider;

/**
 * LangChain4j's {@link ModelProvider} as the GenAI conventions' {@code gen_ai.provider.name}: its
 * name through the one table of spellings, {@link io.agentmetrics.api.ProviderNames}.
 */
final class ProviderNames {

  private ProviderNames() {}

  static String of(ModelProvider provider) {
    return provider == null
        ? io.agentmetrics.api.ProviderNames.OTHER
        : io.agentmetrics.api.ProviderNames.canonical(provider.name());
  }
}
