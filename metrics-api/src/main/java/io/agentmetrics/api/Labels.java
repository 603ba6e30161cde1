package io.agentmetrics.api;

/**
 * The labels of the catalogue. OpenTelemetry GenAI attribute keys are dotted (they appear in
 * Prometheus with underscores); our own labels are snake_case.
 */
public final class Labels {

  private Labels() {}

  /**
   * Value of {@link #ERROR_TYPE} when there was no error: empty, which Prometheus treats as an
   * absent label, as the spec sets {@code error.type} only on errors ({@code error_type!=""}
   * selects the failures).
   */
  public static final String NO_ERROR = "";

  /** Value of {@link #TEAM} when a recording is attributed to no team: empty (absent). */
  public static final String NO_TEAM = "";

  /** Value of {@link #TOKEN_MODALITY} when the provider does not break usage down by modality. */
  public static final String UNKNOWN_MODALITY = "unknown";

  /** Agent name recorded when the caller did not say which agent it was. */
  public static final String UNKNOWN_AGENT = "unknown";

  /**
   * {@code gen_ai.operation.name}: the spec's well-known operation names; custom values are allowed
   * (the spec allows them), bounded like free text.
   */
  public static final LabelDefinition OPERATION =
      new LabelDefinition(
          "gen_ai.operation.name",
          "GenAI operation",
          LabelPolicy.wellKnown(
              48,
              50,
              "chat",
              "create_agent",
              "create_memory",
              "create_memory_store",
              "delete_memory",
              "delete_memory_store",
              "embeddings",
              "execute_tool",
              "fetch_response",
              "generate_content",
              "invoke_agent",
              "invoke_workflow",
              "plan",
              "retrieval",
              "search_memory",
              "text_completion",
              "update_memory",
              "upsert_memory"));

  /**
   * {@code gen_ai.provider.name}: the spec's well-known providers; custom values (openrouter, vllm,
   * litellm, ollama ...) are allowed, bounded like free text.
   */
  public static final LabelDefinition PROVIDER =
      new LabelDefinition(
          "gen_ai.provider.name",
          "GenAI provider",
          LabelPolicy.wellKnown(48, 50, ProviderNames.WELL_KNOWN.toArray(String[]::new)));

  /** {@code gen_ai.request.model}: the model name as requested. */
  public static final LabelDefinition MODEL =
      new LabelDefinition(
          "gen_ai.request.model", "Model name as requested", LabelPolicy.freeText(96, 200));

  /** {@code gen_ai.token.modality}: text, image, audio, or unknown when not broken down. */
  public static final LabelDefinition TOKEN_MODALITY =
      new LabelDefinition(
          "gen_ai.token.modality",
          "Modality of the tokens counted (unknown when the provider does not say)",
          LabelPolicy.wellKnown(16, 10, "text", "image", "audio", UNKNOWN_MODALITY));

  /** {@code gen_ai.agent.name}: the agent's configured name, never a user or session id. */
  public static final LabelDefinition AGENT =
      new LabelDefinition(
          "gen_ai.agent.name", "Agent name (never a user or session id)", freeText());

  /**
   * {@code team}: the team (or tenant, or project) a recording is charged to, for spend per team;
   * empty when not attributed. Bounded like every free-text label.
   */
  public static final LabelDefinition TEAM =
      new LabelDefinition(
          "team",
          "Team (tenant, project) the usage is charged to; empty when not attributed",
          LabelPolicy.freeText(48, 100).orEmpty());

  /**
   * {@code source}: the process that reported work in flight ({@code host:pid}, a pod name, or
   * OpenTelemetry's {@code service.instance.id}); bounded by the number of agent processes, capped.
   */
  public static final LabelDefinition SOURCE =
      new LabelDefinition(
          "source",
          "Agent process that reported (host:pid, pod name, service.instance.id)",
          LabelPolicy.freeText(64, 500));

  /** {@code work}: the kind of work in flight. */
  public static final LabelDefinition IN_FLIGHT_WORK =
      new LabelDefinition(
          "work", "Kind of work in flight", LabelPolicy.oneOf(InFlightWork.values()));

  /** {@code gen_ai.tool.name}: the tool or skill name. */
  public static final LabelDefinition TOOL =
      new LabelDefinition("gen_ai.tool.name", "Tool or skill name", LabelPolicy.freeText(64, 200));

  /** {@code gen_ai.tool.type}: function, extension, datastore, or our skill. */
  public static final LabelDefinition TOOL_TYPE =
      new LabelDefinition(
          "gen_ai.tool.type",
          "Tool type: function, extension, datastore (spec) or skill",
          LabelPolicy.oneOf(ToolKind.values()));

  /** {@code error.type}: an error class or code, never a message; empty (absent) on success. */
  public static final LabelDefinition ERROR_TYPE =
      new LabelDefinition(
          "error.type",
          "Error class or code (never a message); empty (absent) on success",
          LabelPolicy.freeText(64, 50).orEmpty());

  /** {@code status} of a finished task. */
  public static final LabelDefinition TASK_STATUS =
      new LabelDefinition("status", "How the task ended", LabelPolicy.oneOf(TaskStatus.values()));

  /** {@code queue}: a task queue name. */
  public static final LabelDefinition QUEUE =
      new LabelDefinition("queue", "Task queue", LabelPolicy.freeText(64, 50));

  /** {@code state}: what a queue report counts, waiting or blocked tasks. */
  public static final LabelDefinition QUEUED_TASK_STATE =
      new LabelDefinition(
          "state", "Waiting or blocked tasks", LabelPolicy.oneOf(QueuedTaskState.values()));

  /** {@code channel}: a message channel (slack, email, web ...). */
  public static final LabelDefinition CHANNEL =
      new LabelDefinition(
          "channel", "Message channel, e.g. slack, email, web, api", LabelPolicy.freeText(32, 50));

  /** {@code direction} of a message. */
  public static final LabelDefinition DIRECTION =
      new LabelDefinition("direction", "Message direction", LabelPolicy.oneOf(Direction.values()));

  /** {@code decision} of an approval. */
  public static final LabelDefinition APPROVAL_DECISION =
      new LabelDefinition(
          "decision",
          "How the approval request was decided",
          LabelPolicy.oneOf(ApprovalDecision.values()));

  /** {@code decision} of a skill access check. */
  public static final LabelDefinition ACCESS_DECISION =
      new LabelDefinition(
          "decision", "Result of the access check", LabelPolicy.oneOf(AccessDecision.values()));

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
      new LabelDefinition("result", "Cache lookup result", LabelPolicy.oneOf(CacheResult.values()));

  /** {@code mechanism} that saved tokens. */
  public static final LabelDefinition SAVING_MECHANISM =
      new LabelDefinition(
          "mechanism", "What saved the tokens", LabelPolicy.oneOf(SavingMechanism.values()));

  /** {@code period} of a budget. */
  public static final LabelDefinition BUDGET_PERIOD =
      new LabelDefinition("period", "Budget period", LabelPolicy.oneOf(BudgetPeriod.values()));

  /** {@code feature}: a product feature used through an agent. */
  public static final LabelDefinition FEATURE =
      new LabelDefinition("feature", "Product feature", LabelPolicy.freeText(48, 100));

  /** {@code integration}: the framework bridge concerned (self-metrics). */
  public static final LabelDefinition INTEGRATION =
      new LabelDefinition(
          "integration", "Framework bridge", LabelPolicy.oneOf(Integration.values()));

  /** {@code metric}: a catalogue metric's Prometheus name (self-metrics). */
  public static final LabelDefinition METRIC =
      new LabelDefinition("metric", "Catalogue metric concerned", LabelPolicy.freeText(96, 200));

  /** {@code reason} a recording was rejected. */
  public static final LabelDefinition REJECT_REASON =
      new LabelDefinition(
          "reason", "Why the value was rejected", LabelPolicy.oneOf(RejectReason.values()));

  /** {@code method} of an HTTP request. */
  public static final LabelDefinition HTTP_METHOD =
      new LabelDefinition(
          "method",
          "HTTP method",
          LabelPolicy.oneOf("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));

  /**
   * {@code uri}: the matched route template, never the raw path (Micrometer's and Spring Boot's
   * name for it).
   */
  public static final LabelDefinition HTTP_URI =
      new LabelDefinition(
          "uri", "Matched route template, never the raw path", LabelPolicy.freeText(64, 50));

  /** {@code outcome}: the class of the HTTP status, as Micrometer's {@code Outcome} names it. */
  public static final LabelDefinition HTTP_OUTCOME =
      new LabelDefinition(
          "outcome",
          "Class of the HTTP status",
          LabelPolicy.oneOf(
              "INFORMATIONAL",
              "SUCCESS",
              "REDIRECTION",
              "CLIENT_ERROR",
              "SERVER_ERROR",
              "UNKNOWN"));

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
