package io.agentmetrics.api;

/**
 * The labels of the catalogue. OpenTelemetry GenAI attribute keys are dotted (they appear in
 * Prometheus with underscores); our own labels are snake_case.
 */
public final class Labels {

  private Labels() {}

  /** Value of {@link #ERROR_TYPE} when there was no error. */
  public static final String NO_ERROR = "none";

  /** Agent name recorded when the caller did not say which agent it was. */
  public static final String UNKNOWN_AGENT = "unknown";

  /** {@code gen_ai.operation.name}: the spec's operation names. */
  public static final LabelDefinition OPERATION =
      new LabelDefinition(
          "gen_ai.operation.name",
          "GenAI operation",
          LabelPolicy.oneOf(
              "chat",
              "text_completion",
              "generate_content",
              "embeddings",
              "create_agent",
              "invoke_agent",
              "execute_tool"));

  /** {@code gen_ai.provider.name}: the spec's well-known provider values. */
  public static final LabelDefinition PROVIDER =
      new LabelDefinition(
          "gen_ai.provider.name",
          "GenAI provider",
          LabelPolicy.oneOf(
              "openai",
              "anthropic",
              "aws.bedrock",
              "azure.ai.openai",
              "azure.ai.inference",
              "gcp.vertex_ai",
              "gcp.gemini",
              "gcp.gen_ai",
              "mistral_ai",
              "cohere",
              "deepseek",
              "groq",
              "ibm.watsonx.ai",
              "perplexity",
              "x_ai",
              "ollama"));

  /** {@code gen_ai.request.model}: the model name as requested. */
  public static final LabelDefinition MODEL =
      new LabelDefinition(
          "gen_ai.request.model", "Model name as requested", LabelPolicy.freeText(96, 200));

  /** {@code gen_ai.token.type}: input, output, cached input, reasoning. */
  public static final LabelDefinition TOKEN_TYPE =
      new LabelDefinition(
          "gen_ai.token.type",
          "Token type",
          LabelPolicy.oneOf("input", "output", "cached", "reasoning"));

  /** {@code gen_ai.agent.name}: the agent's configured name, never a user or session id. */
  public static final LabelDefinition AGENT =
      new LabelDefinition(
          "gen_ai.agent.name", "Agent name (never a user or session id)", freeText());

  /** {@code gen_ai.tool.name}: the tool or skill name. */
  public static final LabelDefinition TOOL =
      new LabelDefinition("gen_ai.tool.name", "Tool or skill name", LabelPolicy.freeText(64, 200));

  /** {@code error.type}: an error class or code, never a message; {@value #NO_ERROR} on success. */
  public static final LabelDefinition ERROR_TYPE =
      new LabelDefinition(
          "error.type",
          "Error class or code (never a message); none on success",
          LabelPolicy.freeText(64, 50));

  /** {@code outcome} of an LLM or tool call. */
  public static final LabelDefinition OUTCOME =
      new LabelDefinition("outcome", "Outcome of the call", LabelPolicy.oneOf("success", "error"));

  /** {@code status} of a finished agent run. */
  public static final LabelDefinition RUN_STATUS =
      new LabelDefinition(
          "status",
          "How the agent run ended",
          LabelPolicy.oneOf("success", "error", "timeout", "cancelled"));

  /** {@code status} of a finished task. */
  public static final LabelDefinition TASK_STATUS =
      new LabelDefinition(
          "status", "How the task ended", LabelPolicy.oneOf("completed", "failed", "cancelled"));

  /** {@code tool_kind}: a tool (function call) or a skill. */
  public static final LabelDefinition TOOL_KIND =
      new LabelDefinition("tool_kind", "Tool or skill", LabelPolicy.oneOf("tool", "skill"));

  /** {@code queue}: a task queue name. */
  public static final LabelDefinition QUEUE =
      new LabelDefinition("queue", "Task queue", LabelPolicy.freeText(64, 50));

  /** {@code channel}: a message channel (slack, email, web ...). */
  public static final LabelDefinition CHANNEL =
      new LabelDefinition(
          "channel", "Message channel, e.g. slack, email, web, api", LabelPolicy.freeText(32, 50));

  /** {@code direction} of a message. */
  public static final LabelDefinition DIRECTION =
      new LabelDefinition(
          "direction", "Message direction", LabelPolicy.oneOf("inbound", "outbound"));

  /** {@code decision} of an approval. */
  public static final LabelDefinition APPROVAL_DECISION =
      new LabelDefinition(
          "decision",
          "How the approval request was decided",
          LabelPolicy.oneOf("approved", "denied", "timed_out"));

  /** {@code decision} of a skill access check. */
  public static final LabelDefinition ACCESS_DECISION =
      new LabelDefinition(
          "decision", "Result of the access check", LabelPolicy.oneOf("allowed", "denied"));

  /** {@code skill}: the skill whose access was checked. */
  public static final LabelDefinition SKILL =
      new LabelDefinition("skill", "Skill whose access was checked", LabelPolicy.freeText(64, 200));

  /** {@code violation_type}: the kind of policy violation. */
  public static final LabelDefinition VIOLATION_TYPE =
      new LabelDefinition(
          "violation_type",
          "Kind of policy violation, e.g. prompt_injection, data_exfiltration",
          LabelPolicy.freeText(48, 50));

  /** {@code store}: a vector store or retriever name. */
  public static final LabelDefinition STORE =
      new LabelDefinition(
          "store",
          "Vector store or retriever, e.g. pgvector, qdrant",
          LabelPolicy.freeText(48, 20));

  /** {@code cache}: a cache name. */
  public static final LabelDefinition CACHE =
      new LabelDefinition(
          "cache", "Cache, e.g. prompt, embedding, response", LabelPolicy.freeText(48, 50));

  /** {@code result} of a cache lookup. */
  public static final LabelDefinition CACHE_RESULT =
      new LabelDefinition("result", "Cache lookup result", LabelPolicy.oneOf("hit", "miss"));

  /** {@code mechanism} that saved tokens. */
  public static final LabelDefinition SAVING_MECHANISM =
      new LabelDefinition(
          "mechanism",
          "What saved the tokens",
          LabelPolicy.oneOf("caching", "compression", "routing"));

  /** {@code period} of a budget. */
  public static final LabelDefinition BUDGET_PERIOD =
      new LabelDefinition("period", "Budget period", LabelPolicy.oneOf("daily", "monthly"));

  /** {@code feature}: a product feature used through an agent. */
  public static final LabelDefinition FEATURE =
      new LabelDefinition("feature", "Product feature", LabelPolicy.freeText(48, 100));

  /** {@code metric}: a catalogue metric's Prometheus name (self-metrics). */
  public static final LabelDefinition METRIC =
      new LabelDefinition("metric", "Catalogue metric concerned", LabelPolicy.freeText(96, 200));

  /** {@code reason} a recording was rejected. */
  public static final LabelDefinition REJECT_REASON =
      new LabelDefinition(
          "reason",
          "Why the value was rejected",
          LabelPolicy.oneOf("negative", "not_finite", "invalid_label", "null_event", "internal"));

  /** {@code method} of an HTTP request. */
  public static final LabelDefinition HTTP_METHOD =
      new LabelDefinition(
          "method",
          "HTTP method",
          LabelPolicy.oneOf("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));

  /** {@code route}: the matched route template, never the raw path. */
  public static final LabelDefinition HTTP_ROUTE =
      new LabelDefinition(
          "route", "Matched route template, never the raw path", LabelPolicy.freeText(64, 50));

  /** {@code status}: the HTTP status code. */
  public static final LabelDefinition HTTP_STATUS =
      new LabelDefinition("status", "HTTP status code", LabelPolicy.freeText(3, 60));

  /** A label whose values a Micrometer binder chooses (JVM metrics). */
  static LabelDefinition external(String key, String description) {
    return new LabelDefinition(key, description, LabelPolicy.freeText(128, 200));
  }

  private static LabelPolicy freeText() {
    return LabelPolicy.freeText(LabelPolicy.DEFAULT_MAX_LENGTH, 200);
  }
}
