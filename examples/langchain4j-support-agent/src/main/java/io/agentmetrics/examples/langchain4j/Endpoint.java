package io.agentmetrics.examples.langchain4j;

import java.util.Map;

/**
 * The OpenAI-compatible endpoint the agent talks to: {@code OPENAI_BASE_URL} (e.g.
 * https://api.openai.com/v1), {@code OPENAI_API_KEY} and {@code OPENAI_MODEL} (gpt-5-mini unless
 * set). The key is read from the environment only and never logged.
 *
 * @param baseUrl the base URL, ending in {@code /v1}
 * @param apiKey the key
 * @param model the model name
 */
public record Endpoint(String baseUrl, String apiKey, String model) {

  /** The model used unless {@code OPENAI_MODEL} says otherwise. */
  public static final String DEFAULT_MODEL = "gpt-5-mini";

  @Override
  public String toString() {
    return "Endpoint[" + baseUrl + ", model " + model + "]"; // never the key
  }

  /** The endpoint the environment names, or null when {@code OPENAI_BASE_URL} is not set. */
  public static Endpoint fromEnvironment(Map<String, String> env) {
    String baseUrl = env.get("OPENAI_BASE_URL");
    if (baseUrl == null || baseUrl.isBlank()) {
      return null;
    }
    String key = env.get("OPENAI_API_KEY");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(
          "OPENAI_BASE_URL is set but OPENAI_API_KEY is not: set the provider's key");
    }
    String model = env.getOrDefault("OPENAI_MODEL", DEFAULT_MODEL);
    return new Endpoint(baseUrl, key, model);
  }
}
