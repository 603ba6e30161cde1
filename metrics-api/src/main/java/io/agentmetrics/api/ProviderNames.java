package io.agentmetrics.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of {@code gen_ai.provider.name} values: the GenAI conventions' well-known providers
 * ({@link MetricCatalogue#SPEC_VERSION}), and every other spelling of them that the frameworks and
 * instrumentations send, each with who sends it. The provider label's policy, the OTLP receiver and
 * the Spring AI and LangChain4j bridges all read it, so one provider is one series everywhere.
 */
public final class ProviderNames {

  /** The conventions' well-known values. */
  public static final List<String> WELL_KNOWN =
      List.of(
          "anthropic",
          "aws.bedrock",
          "azure.ai.inference",
          "azure.ai.openai",
          "cohere",
          "deepseek",
          "gcp.gemini",
          "gcp.gen_ai",
          "gcp.vertex_ai",
          "groq",
          "ibm.watsonx.ai",
          "mistral_ai",
          "moonshot_ai",
          "openai",
          "perplexity",
          "x_ai");

  /**
   * Another spelling of a provider and who sends it.
   *
   * @param spelling the name as sent, lower case
   * @param provider the conventions' value (or the one name all senders share)
   * @param sender the convention, framework or instrumentation that sends it
   */
  public record Alias(String spelling, String provider, String sender) {}

  /** The conventions' value for a provider that is not named. */
  public static final String OTHER = "_OTHER";

  private static final String OLDER = "GenAI conventions (older)";
  private static final String SPRING_AI = "Spring AI (AiProvider)";
  private static final String LANGCHAIN4J = "LangChain4j (ModelProvider)";

  /** Every alias, in the order documented. */
  public static final List<Alias> ALIASES =
      List.of(
          new Alias("az.ai.openai", "azure.ai.openai", OLDER),
          new Alias("az.ai.inference", "azure.ai.inference", OLDER),
          new Alias("azure", "azure.ai.openai", OLDER),
          new Alias("vertex_ai", "gcp.vertex_ai", OLDER),
          new Alias("vertexai", "gcp.vertex_ai", OLDER),
          new Alias("gemini", "gcp.gemini", OLDER),
          new Alias("google", "gcp.gen_ai", OLDER),
          new Alias("mistralai", "mistral_ai", OLDER),
          new Alias("xai", "x_ai", OLDER),
          new Alias("bedrock", "aws.bedrock", OLDER),
          new Alias("bedrock_converse", "aws.bedrock", SPRING_AI),
          new Alias("google_genai", "gcp.gen_ai", SPRING_AI),
          new Alias("azure_openai", "azure.ai.openai", SPRING_AI),
          new Alias("open_ai", "openai", LANGCHAIN4J),
          new Alias("amazon_bedrock", "aws.bedrock", LANGCHAIN4J),
          new Alias("azure_open_ai", "azure.ai.openai", LANGCHAIN4J),
          new Alias("microsoft_foundry", "azure.ai.inference", LANGCHAIN4J),
          new Alias("google_ai_gemini", "gcp.gemini", LANGCHAIN4J),
          new Alias("google_vertex_ai_gemini", "gcp.vertex_ai", LANGCHAIN4J),
          new Alias("google_vertex_ai_anthropic", "gcp.vertex_ai", LANGCHAIN4J),
          new Alias("watsonx", "ibm.watsonx.ai", LANGCHAIN4J),
          new Alias("github_models", "github", LANGCHAIN4J),
          new Alias("other", OTHER, LANGCHAIN4J));

  private static final Map<String, String> CANONICAL = canonical();

  private ProviderNames() {}

  /**
   * The provider value for a name as sent: the conventions' value of a known spelling, else the
   * name in lower case; null when blank.
   */
  public static String canonical(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return CANONICAL.getOrDefault(lower, lower);
  }

  private static Map<String, String> canonical() {
    Map<String, String> map = new LinkedHashMap<>();
    for (Alias alias : ALIASES) {
      if (map.put(alias.spelling(), alias.provider()) != null
          || WELL_KNOWN.contains(alias.spelling())) {
        throw new IllegalStateException("provider spelling declared twice: " + alias.spelling());
      }
    }
    return Map.copyOf(map);
  }
}
