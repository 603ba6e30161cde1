package io.agentmetrics.server.otlp;

import java.util.List;

/**
 * What the attributes of a GenAI span or metric point tell, and under which keys the
 * instrumentations in the wild write it: the one mapping table of the OTLP receiver (docs/otlp.md
 * shows it, and a test keeps the two equal). The first key present wins, so the current conventions
 * come first.
 */
public enum GenAiField {
  /** The operation: {@code chat}, {@code embeddings}, {@code invoke_agent}, ... */
  OPERATION(
      Variant.current("gen_ai.operation.name"),
      Variant.openInference("openinference.span.kind"),
      Variant.openLlmetry("llm.request.type"),
      Variant.openLlmetry("traceloop.span.kind")),
  /** The provider. */
  PROVIDER(
      Variant.current("gen_ai.provider.name"),
      Variant.older("gen_ai.system"),
      Variant.openInference("llm.provider"),
      Variant.openInference("llm.system")),
  /** The requested model. */
  REQUEST_MODEL(Variant.current("gen_ai.request.model"), Variant.openInference("llm.model_name")),
  /** The model that answered, where no model was requested. */
  RESPONSE_MODEL(Variant.current("gen_ai.response.model")),
  /** Input tokens, cached ones included. */
  INPUT_TOKENS(
      Variant.current("gen_ai.usage.input_tokens"),
      Variant.older("gen_ai.usage.prompt_tokens"),
      Variant.openLlmetry("llm.usage.prompt_tokens"),
      Variant.openInference("llm.token_count.prompt")),
  /** Output tokens, reasoning ones included. */
  OUTPUT_TOKENS(
      Variant.current("gen_ai.usage.output_tokens"),
      Variant.older("gen_ai.usage.completion_tokens"),
      Variant.openLlmetry("llm.usage.completion_tokens"),
      Variant.openInference("llm.token_count.completion")),
  /** Input tokens served from the provider's cache. */
  CACHE_READ_TOKENS(
      Variant.current("gen_ai.usage.cache_read.input_tokens"),
      Variant.openLlmetry("gen_ai.usage.cache_read_input_tokens"),
      Variant.openInference("llm.token_count.prompt_details.cache_read")),
  /** Input tokens written to the provider's cache. */
  CACHE_WRITE_TOKENS(
      Variant.current("gen_ai.usage.cache_creation.input_tokens"),
      Variant.openLlmetry("gen_ai.usage.cache_creation_input_tokens"),
      Variant.openInference("llm.token_count.prompt_details.cache_write")),
  /** Output tokens spent on reasoning. */
  REASONING_TOKENS(
      Variant.current("gen_ai.usage.reasoning.output_tokens"),
      Variant.openLlmetry("gen_ai.usage.reasoning_tokens"),
      Variant.openInference("llm.token_count.completion_details.reasoning")),
  /** The time to the first chunk of a streamed answer, in seconds. */
  TIME_TO_FIRST_CHUNK(Variant.current("gen_ai.response.time_to_first_chunk")),
  /** The agent's name. */
  AGENT_NAME(
      Variant.current("gen_ai.agent.name"),
      Variant.openInference("agent.name"),
      Variant.openLlmetry("traceloop.entity.name")),
  /** The tool's name. */
  TOOL_NAME(
      Variant.current("gen_ai.tool.name"),
      Variant.openInference("tool.name"),
      Variant.openLlmetry("traceloop.entity.name")),
  /** The tool's type: {@code function}, {@code extension} or {@code datastore}. */
  TOOL_TYPE(Variant.current("gen_ai.tool.type")),
  /** The data source a retrieval searched. */
  DATA_SOURCE(
      Variant.current("gen_ai.data_source.id"),
      Variant.database("db.system.name"),
      Variant.database("db.system")),
  /** The documents a retrieval returned (a JSON array, or OpenInference's flattened list). */
  RETRIEVED_DOCUMENTS(
      Variant.current("gen_ai.retrieval.documents"), Variant.openInference("retrieval.documents")),
  /** A token metric point's kind: {@code input} or {@code output}. */
  TOKEN_TYPE(Variant.current("gen_ai.token.type")),
  /** The error's type, on a failed operation. */
  ERROR_TYPE(Variant.current("error.type")),
  /**
   * The team (tenant, project) the tokens and cost are charged to; also read from the resource
   * ({@code OTEL_RESOURCE_ATTRIBUTES=agentmetrics.team=payments}). No convention has one.
   */
  TEAM(Variant.agentmetrics("agentmetrics.team"));

  private final List<Variant> variants;

  GenAiField(Variant... variants) {
    this.variants = List.of(variants);
  }

  /** The attribute keys, in the order they are tried. */
  public List<Variant> variants() {
    return variants;
  }

  /**
   * One attribute key and who writes it.
   *
   * @param key the attribute key
   * @param source the convention or instrumentation that writes it
   */
  public record Variant(String key, String source) {
    static Variant current(String key) {
      return new Variant(key, "GenAI conventions (current)");
    }

    static Variant older(String key) {
      return new Variant(key, "GenAI conventions (older)");
    }

    static Variant database(String key) {
      return new Variant(key, "Database conventions");
    }

    static Variant agentmetrics(String key) {
      return new Variant(key, "agentmetrics");
    }

    static Variant openLlmetry(String key) {
      return new Variant(key, "OpenLLMetry (Traceloop)");
    }

    static Variant openInference(String key) {
      return new Variant(key, "OpenInference (Arize)");
    }
  }
}
