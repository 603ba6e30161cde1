package io.agentmetrics.springai;

/**
 * Spring AI's provider names ({@code AiProvider}) as the GenAI conventions' {@code
 * gen_ai.provider.name}: through the one table of spellings, {@link
 * io.agentmetrics.api.ProviderNames}.
 */
final class ProviderNames {

  private ProviderNames() {}

  static String of(String springAiProvider) {
    String canonical = io.agentmetrics.api.ProviderNames.canonical(springAiProvider);
    return canonical == null ? io.agentmetrics.api.ProviderNames.OTHER : canonical;
  }
}
