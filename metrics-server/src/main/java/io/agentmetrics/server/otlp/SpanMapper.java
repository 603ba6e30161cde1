package io.agentmetrics.server.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.ProviderNames;
import io.agentmetrics.api.RagRetrieval;
import io.agentmetrics.api.ToolCall;
import io.agentmetrics.api.ToolKind;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns one GenAI span into a catalogue event: inference operations into LLM calls, {@code
 * invoke_agent} into agent runs, {@code execute_tool} into tool calls, {@code retrieval} into RAG
 * retrievals. The attributes are read through {@link GenAiField}'s table of variants. A span that
 * is not GenAI is {@link Outcome#IGNORED}; one whose numbers cannot be true is refused with a
 * reason.
 */
final class SpanMapper {

  /** What became of a span. */
  sealed interface Outcome permits Recorded, Ignored, Refused {}

  /** Mapped: the recording, and whether it is an inference call (for the rule against doubles). */
  record Recorded(Consumer<AgentMetrics> recording, boolean inference) implements Outcome {}

  /** Not GenAI telemetry. */
  record Ignored() implements Outcome {}

  /** Refused, with the reason. */
  record Refused(String reason) implements Outcome {}

  static final Outcome IGNORED = new Ignored();

  static final String INVOKE_AGENT = "invoke_agent";
  static final String EXECUTE_TOOL = "execute_tool";
  static final String RETRIEVAL = "retrieval";
  static final String INVOKE_WORKFLOW = "invoke_workflow";

  /** The workflow step a span belongs to: the workflow's name and the step's. */
  record Step(String workflow, String step) {}

  /** Not a GenAI operation: an MCP request span with no {@code gen_ai.operation.name}. */
  static final String MCP = "mcp";

  /** GenAI operations that are neither calls, runs, tools nor retrievals: not recorded. */
  private static final Set<String> NOT_RECORDED =
      Set.of(
          "create_agent",
          "plan",
          "search_memory",
          "create_memory",
          "update_memory",
          "upsert_memory",
          "delete_memory",
          "create_memory_store",
          "delete_memory_store");

  /** OpenInference's span kinds, as operations. */
  private static final Map<String, String> OPENINFERENCE_KINDS =
      Map.of(
          "LLM", "chat",
          "EMBEDDING", "embeddings",
          "TOOL", EXECUTE_TOOL,
          "AGENT", INVOKE_AGENT,
          "RETRIEVER", RETRIEVAL);

  /** OpenLLMetry's request types and span kinds, as operations. */
  private static final Map<String, String> OPENLLMETRY_KINDS =
      Map.of(
          "chat", "chat",
          "completion", "text_completion",
          "embedding", "embeddings",
          "agent", INVOKE_AGENT,
          "tool", EXECUTE_TOOL);

  /**
   * The Vercel AI SDK's operations ({@code ai.operationId}) that are one model call: its outer
   * {@code ai.generateText} and {@code ai.streamText} spans wrap the calls (and carry their usage
   * again, under its own keys), so they are not calls themselves. Only what OtlpNodeIT drives.
   */
  private static final Map<String, String> VERCEL_OPERATIONS =
      Map.of("ai.generateText.doGenerate", "chat", "ai.streamText.doStream", "chat");

  /**
   * Langfuse's observation types, as operations (its {@code observeOpenAI} makes every call a
   * {@code generation}, embeddings too); its other types ({@code span}, {@code chain}, {@code
   * event}, {@code evaluator}, {@code guardrail}) are not recorded.
   */
  private static final Map<String, String> LANGFUSE_TYPES =
      Map.of(
          "generation", "chat",
          "embedding", "embeddings",
          "agent", INVOKE_AGENT,
          "tool", EXECUTE_TOOL,
          "retriever", RETRIEVAL);

  /** The key of Langfuse's observation type, whose agent and tool observations are named alone. */
  private static final String LANGFUSE_TYPE = "langfuse.observation.type";

  /** Agent-name keys that name other things too, so read only on agent spans. */
  private static final Set<String> AGENT_SPAN_KEYS =
      Set.of("traceloop.entity.name", "graph.node.id");

  /** What a span's resource gives the spans that do not say: the team and the provider. */
  record ResourceDefaults(String team, String provider) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** OpenInference's attribute of a run's metadata, as JSON. */
  static final String OPENINFERENCE_METADATA = "metadata";

  /** The longest metadata read for a provider. */
  private static final int MAX_METADATA_CHARS = 16 * 1024;

  private SpanMapper() {}

  /** The operation a span's attributes name, in the current conventions' terms, or null. */
  static String operation(GenAiAttributes attributes) {
    String value = attributes.text(GenAiField.OPERATION);
    String key = attributes.keyOf(GenAiField.OPERATION);
    if (value != null && key != null) {
      if (key.equals("openinference.span.kind")) {
        return OPENINFERENCE_KINDS.get(value.toUpperCase(Locale.ROOT));
      }
      if (key.startsWith("llm.") || key.startsWith("traceloop.")) {
        return OPENLLMETRY_KINDS.get(value.toLowerCase(Locale.ROOT));
      }
      if (key.equals("ai.operationId")) {
        return VERCEL_OPERATIONS.get(value);
      }
      if (key.equals(LANGFUSE_TYPE)) {
        return LANGFUSE_TYPES.get(value.toLowerCase(Locale.ROOT));
      }
      return value.isBlank() ? null : value.toLowerCase(Locale.ROOT);
    }
    if (attributes.text(GenAiField.MCP_METHOD) != null) {
      return MCP;
    }
    // Some instrumentations name no operation on a model call: its provider and usage tell.
    boolean usage =
        attributes.get(GenAiField.INPUT_TOKENS) != null
            || attributes.get(GenAiField.OUTPUT_TOKENS) != null;
    return attributes.get(GenAiField.PROVIDER) != null && usage ? "chat" : null;
  }

  /**
   * The agent a span names itself: on agent spans any variant, else only an agent key; a Langfuse
   * agent observation by its name (the span's).
   */
  static String ownAgent(Span span, GenAiAttributes attributes, String operation) {
    String key = attributes.keyOf(GenAiField.AGENT_NAME);
    if (key == null && INVOKE_AGENT.equals(operation) && isLangfuse(attributes)) {
      return span.getName().isBlank() ? null : span.getName();
    }
    if (key == null || (AGENT_SPAN_KEYS.contains(key) && !INVOKE_AGENT.equals(operation))) {
      return null;
    }
    String name = attributes.text(GenAiField.AGENT_NAME);
    return name == null || name.isBlank() ? null : name;
  }

  /** Whether the span's operation is Langfuse's observation type. */
  private static boolean isLangfuse(GenAiAttributes attributes) {
    return LANGFUSE_TYPE.equals(attributes.keyOf(GenAiField.OPERATION));
  }

  /**
   * Whether a span of an inference {@code operation} is a model call: it names its provider or
   * model. Frameworks name their own work after operations the conventions do not list (Mastra's
   * {@code model_generation}, {@code agent_step}, {@code model_chunk} around and under its {@code
   * chat} spans): without a provider or model such a span is no call, and no wrapper of one.
   */
  static boolean namesModel(GenAiAttributes attributes) {
    return attributes.get(GenAiField.PROVIDER) != null
        || attributes.get(GenAiField.REQUEST_MODEL) != null
        || attributes.get(GenAiField.RESPONSE_MODEL) != null;
  }

  /** Whether {@code operation} is a model call (an inference or embeddings operation). */
  static boolean isInference(String operation) {
    return operation != null
        && !NOT_RECORDED.contains(operation)
        && !operation.equals(INVOKE_AGENT)
        && !operation.equals(EXECUTE_TOOL)
        && !operation.equals(RETRIEVAL)
        && !operation.equals(INVOKE_WORKFLOW)
        && !operation.equals(MCP);
  }

  /**
   * Maps {@code span}, whose agent is {@code agent} (its own, an enclosing agent span's, or the
   * service's name) and whose resource's {@code defaults} give its team and provider where the span
   * names none; for an agent span, {@code calls} holds the inference and tool calls found under it
   * (null when none of its spans are in the request). {@code step} is the workflow step the span is
   * in (null outside any); {@code isStep} tells that the span is that step itself.
   */
  static Outcome map(
      Span span,
      GenAiAttributes attributes,
      String operation,
      String agent,
      ResourceDefaults defaults,
      long[] calls,
      Step step,
      boolean isStep) {
    if (operation == null || NOT_RECORDED.contains(operation)) {
      return IGNORED;
    }
    long start = span.getStartTimeUnixNano();
    long end = span.getEndTimeUnixNano();
    if (start == 0 || end == 0) {
      return new Refused("has no start or end time");
    }
    long nanos = end - start;
    if (Long.compareUnsigned(end, start) < 0 || nanos > OtlpLimits.MAX_SPAN_NANOS) {
      return new Refused(
          "lasts "
              + (Long.compareUnsigned(end, start) < 0 ? "less than 0 s" : (nanos / 1e9) + " s")
              + ", which is not a plausible duration (at most 24 h)");
    }
    double seconds = nanos / 1e9;
    String errorType = errorType(span, attributes);
    String method = attributes.text(GenAiField.MCP_METHOD);
    Outcome outcome =
        method != null && !method.isBlank()
            ? mcp(span, attributes, operation, method, agent, seconds, errorType)
            : switch (operation) {
              case INVOKE_AGENT -> agentRun(agent, seconds, errorType, calls);
              case EXECUTE_TOOL -> toolCall(span, attributes, agent, seconds, errorType);
              case RETRIEVAL -> retrieval(attributes, agent, seconds);
              case INVOKE_WORKFLOW -> workflowRun(span, attributes, seconds, errorType);
              case MCP -> IGNORED;
              default ->
                  llmCall(span, attributes, operation, agent, defaults, seconds, errorType, step);
            };
    return isStep && step != null ? asStep(outcome, step, seconds, errorType) : outcome;
  }

  /** {@code outcome}, a span directly under a workflow's, recorded as a step of it too. */
  private static Outcome asStep(Outcome outcome, Step step, double seconds, String errorType) {
    if (!(outcome instanceof Recorded recorded)) {
      return outcome;
    }
    return new Recorded(
        metrics -> {
          recorded.recording().accept(metrics);
          metrics.workflowStep(step.workflow(), step.step(), seconds, errorType);
        },
        recorded.inference());
  }

  /**
   * An MCP request span: a client's is an MCP client operation (and, when it is an {@code
   * execute_tool} span too, the agent's tool call), a server's an MCP server operation; a span of
   * another kind is not an MCP request.
   */
  private static Outcome mcp(
      Span span,
      GenAiAttributes attributes,
      String operation,
      String method,
      String agent,
      double seconds,
      String errorType) {
    String tool = attributes.text(GenAiField.TOOL_NAME);
    String network = attributes.text(GenAiField.NETWORK_TRANSPORT);
    return switch (span.getKind()) {
      case SPAN_KIND_CLIENT -> {
        Recorded toolCall =
            EXECUTE_TOOL.equals(operation)
                ? (Recorded) toolCall(span, attributes, agent, seconds, errorType)
                : null;
        yield new Recorded(
            metrics -> {
              metrics.mcpClientOperation(method, tool, network, seconds, errorType);
              if (toolCall != null) {
                toolCall.recording().accept(metrics);
              }
            },
            false);
      }
      case SPAN_KIND_SERVER ->
          new Recorded(
              metrics -> metrics.mcpServerOperation(method, tool, network, seconds, errorType),
              false);
      default -> IGNORED;
    };
  }

  /** The span's or point's own team, else its resource's. */
  static String team(GenAiAttributes attributes, String resourceTeam) {
    String own = attributes.text(GenAiField.TEAM);
    return own == null || own.isBlank() ? resourceTeam : own;
  }

  private static Outcome agentRun(String agent, double seconds, String errorType, long[] calls) {
    AgentRun ended = AgentRun.ended(agent, seconds, errorType);
    AgentRun run = calls == null ? ended : ended.withCalls(calls[0], calls[1]);
    return new Recorded(metrics -> metrics.agentRun(run), false);
  }

  private static Outcome toolCall(
      Span span, GenAiAttributes attributes, String agent, double seconds, String errorType) {
    String tool = attributes.text(GenAiField.TOOL_NAME);
    if (tool == null && isLangfuse(attributes)) {
      tool = span.getName(); // a Langfuse tool observation is named by its tool
    }
    String type = attributes.text(GenAiField.TOOL_TYPE);
    ToolKind kind = type == null ? null : ToolKind.fromLabel(type.toLowerCase(Locale.ROOT));
    ToolCall call =
        new ToolCall(
            agent,
            tool == null || tool.isBlank() ? "unknown" : tool,
            kind == null ? ToolKind.TOOL : kind,
            seconds,
            errorType);
    return new Recorded(metrics -> metrics.toolCall(call), false);
  }

  private static Outcome retrieval(GenAiAttributes attributes, String agent, double seconds) {
    String store = attributes.text(GenAiField.DATA_SOURCE);
    int documents = attributes.flatDocuments();
    double best = attributes.flatBestScore();
    AnyValue listed = attributes.get(GenAiField.RETRIEVED_DOCUMENTS);
    if (listed != null) {
      Documents found = documents(listed);
      documents = found.count();
      best = found.bestScore();
    }
    double relevance = best >= 0 && best <= 1 ? best : Double.NaN;
    RagRetrieval retrieval =
        new RagRetrieval(
            agent,
            store == null || store.isBlank() ? "unknown" : store,
            seconds,
            documents,
            relevance,
            Double.NaN);
    return new Recorded(metrics -> metrics.ragRetrieval(retrieval), false);
  }

  private static Outcome workflowRun(
      Span span, GenAiAttributes attributes, double seconds, String errorType) {
    String workflow = workflowName(span, attributes);
    return new Recorded(metrics -> metrics.workflowRun(workflow, seconds, errorType), false);
  }

  /** An {@code invoke_workflow} span's workflow: its attribute, else its span name's end. */
  static String workflowName(Span span, GenAiAttributes attributes) {
    String name = attributes.text(GenAiField.WORKFLOW_NAME);
    if (name != null && !name.isBlank()) {
      return name;
    }
    String spanName = span.getName();
    return spanName.startsWith(INVOKE_WORKFLOW + " ")
        ? spanName.substring(INVOKE_WORKFLOW.length() + 1)
        : spanName;
  }

  /**
   * The name of a workflow's step from its span: its own agent, the workflow it is, its tool, else
   * its span name.
   */
  static String stepName(Span span, GenAiAttributes attributes, String operation) {
    String agent = ownAgent(span, attributes, operation);
    if (agent != null) {
      return agent;
    }
    if (INVOKE_WORKFLOW.equals(operation)) {
      return workflowName(span, attributes);
    }
    String tool = attributes.text(GenAiField.TOOL_NAME);
    return tool != null && !tool.isBlank() ? tool : span.getName();
  }

  private static Outcome llmCall(
      Span span,
      GenAiAttributes attributes,
      String operation,
      String agent,
      ResourceDefaults defaults,
      double seconds,
      String errorType,
      Step step) {
    String provider = provider(attributes.text(GenAiField.PROVIDER));
    if (provider == null) {
      provider = provider(langChainProvider(span));
    }
    if (provider == null) {
      provider = provider(defaults.provider());
    }
    String model = attributes.text(GenAiField.REQUEST_MODEL);
    if (model == null || model.isBlank()) {
      model = attributes.text(GenAiField.RESPONSE_MODEL);
    }
    if (provider == null && model == null) {
      return IGNORED;
    }
    long[] tokens = new long[5];
    boolean tokenAttributes = tokenAttributes(attributes);
    double[] details = tokenAttributes ? null : usageDetails(attributes);
    if (details == null && !tokenAttributes && attributes.get(GenAiField.USAGE_DETAILS) != null) {
      return new Refused(
          "attribute '"
              + attributes.keyOf(GenAiField.USAGE_DETAILS)
              + "' must be a JSON object of token counts (at most "
              + UsageDetails.MAX_CHARS
              + " characters)");
    }
    for (int i = 0; i < TOKEN_FIELDS.length; i++) {
      AnyValue value = details == null ? attributes.get(TOKEN_FIELDS[i]) : null;
      if (value == null && details == null) {
        continue;
      }
      double count = details == null ? AttributeValues.number(value) : details[i];
      if (!(count >= 0) || count != Math.rint(count) || count > OtlpLimits.MAX_TOKENS) {
        return new Refused(
            "attribute '"
                + attributes.keyOf(details == null ? TOKEN_FIELDS[i] : GenAiField.USAGE_DETAILS)
                + (details == null
                    ? "' must be a whole number of tokens between 0 and "
                    : "' must hold whole numbers of tokens between 0 and ")
                + OtlpLimits.MAX_TOKENS);
      }
      tokens[i] = (long) count;
    }
    if (tokens[2] + tokens[3] > tokens[0] && tokens[0] > 0) {
      return new Refused("reports more cached tokens than input tokens");
    }
    LlmCall.Builder call =
        LlmCall.builder(
                provider == null ? "unknown" : provider,
                model == null || model.isBlank() ? "unknown" : model)
            .operation(operation)
            .agent(agent)
            .team(team(attributes, defaults.team()))
            .durationSeconds(seconds)
            .tokens(tokens[0], tokens[1])
            .cachedTokens(tokens[2])
            .cacheWriteTokens(tokens[3])
            .reasoningTokens(Math.min(tokens[4], tokens[1]))
            .errorType(errorType);
    if (step != null) {
      call.workflowStep(step.workflow(), step.step());
    }
    GenAiField costField =
        attributes.get(GenAiField.SENDER_COST) != null
            ? GenAiField.SENDER_COST
            : attributes.get(GenAiField.COST_DETAILS) != null ? GenAiField.COST_DETAILS : null;
    if (costField != null) {
      double usd =
          costField == GenAiField.SENDER_COST
              ? AttributeValues.number(attributes.get(costField))
              : UsageDetails.costUsd(attributes.text(costField));
      if (!(usd >= 0) || usd > OtlpLimits.MAX_COST_USD) {
        return new Refused(
            "attribute '"
                + attributes.keyOf(costField)
                + "' must be a cost in USD between 0 and "
                + OtlpLimits.MAX_COST_USD);
      }
      // The sender's own price: used instead of the price table, never added to it. OpenLIT sends
      // 0 for a model its price list lacks (or when it could not fetch the list): no price, then.
      if (usd > 0) {
        call.reportedCostUsd(usd);
      }
    }
    double ttfc = timeToFirstChunk(span, attributes);
    if (ttfc >= 0 && ttfc <= seconds) {
      call.timeToFirstChunkSeconds(ttfc);
    }
    LlmCall built = call.build();
    return new Recorded(metrics -> metrics.llmCall(built), true);
  }

  private static final GenAiField[] TOKEN_FIELDS = {
    GenAiField.INPUT_TOKENS,
    GenAiField.OUTPUT_TOKENS,
    GenAiField.CACHE_READ_TOKENS,
    GenAiField.CACHE_WRITE_TOKENS,
    GenAiField.REASONING_TOKENS
  };

  private static boolean tokenAttributes(GenAiAttributes attributes) {
    for (GenAiField field : TOKEN_FIELDS) {
      if (attributes.get(field) != null) {
        return true;
      }
    }
    return false;
  }

  /** The token counts of the usage-details JSON, in {@link #TOKEN_FIELDS}' order, or null. */
  private static double[] usageDetails(GenAiAttributes attributes) {
    String json = attributes.text(GenAiField.USAGE_DETAILS);
    return json == null ? null : UsageDetails.tokens(json);
  }

  /** The time to first chunk in seconds: the attribute's, else from the first chunk's time; -1. */
  private static double timeToFirstChunk(Span span, GenAiAttributes attributes) {
    AnyValue firstChunk = attributes.get(GenAiField.TIME_TO_FIRST_CHUNK);
    if (firstChunk != null) {
      double ttfc = AttributeValues.number(firstChunk);
      return Double.isNaN(ttfc) ? -1 : ttfc;
    }
    long at = UsageDetails.epochNanos(attributes.text(GenAiField.FIRST_CHUNK_TIME));
    return at < 0 ? -1 : (at - span.getStartTimeUnixNano()) / 1e9;
  }

  /**
   * A provider name as the current conventions spell it ({@link ProviderNames}); null when blank.
   */
  static String provider(String name) {
    return ProviderNames.canonical(name);
  }

  /**
   * {@code error.type}, else the exception event's type on an ERROR span, else {@code _OTHER} on an
   * ERROR span or one whose level is ERROR.
   */
  private static String errorType(Span span, GenAiAttributes attributes) {
    String type = attributes.text(GenAiField.ERROR_TYPE);
    if (type != null && !type.isBlank()) {
      return type;
    }
    if (span.getStatus().getCode() != Status.StatusCode.STATUS_CODE_ERROR) {
      return "ERROR".equalsIgnoreCase(attributes.text(GenAiField.LEVEL)) ? "_OTHER" : null;
    }
    for (Span.Event event : span.getEventsList()) {
      if (event.getName().equals("exception")) {
        for (KeyValue attribute : event.getAttributesList()) {
          if (attribute.getKey().equals("exception.type")) {
            String exception = AttributeValues.text(attribute.getValue());
            if (exception != null && !exception.isBlank()) {
              return exception;
            }
          }
        }
      }
    }
    return "_OTHER";
  }

  /** How many documents a retrieval returned, and the best score among them. */
  private record Documents(int count, double bestScore) {}

  private static Documents documents(AnyValue value) {
    if (value.hasArrayValue()) {
      int count = Math.min(value.getArrayValue().getValuesCount(), OtlpLimits.MAX_DOCUMENTS);
      double best = Double.NaN;
      for (int i = 0; i < count; i++) {
        AnyValue document = value.getArrayValue().getValues(i);
        if (document.hasKvlistValue()) {
          for (KeyValue field : document.getKvlistValue().getValuesList()) {
            if (field.getKey().equals("score")) {
              best = better(best, AttributeValues.number(field.getValue()));
            }
          }
        }
      }
      return new Documents(count, best);
    }
    if (value.hasStringValue()) {
      try {
        JsonNode list = JSON.readTree(value.getStringValue());
        if (list != null && list.isArray()) {
          double best = Double.NaN;
          for (JsonNode document : list) {
            JsonNode score = document.path("score");
            if (score.isNumber()) {
              best = better(best, score.doubleValue());
            }
          }
          return new Documents(Math.min(list.size(), OtlpLimits.MAX_DOCUMENTS), best);
        }
      } catch (java.io.IOException e) {
        // not JSON: no documents can be counted
      }
    }
    return new Documents(0, Double.NaN);
  }

  /**
   * The provider LangChain names in a run's metadata ({@code ls_provider}), which OpenInference's
   * LangChain instrumentation exports as the JSON attribute {@value #OPENINFERENCE_METADATA}, and
   * names nowhere else; null when there is none. A JSON path, so not a variant of the attribute
   * table: read only where no provider attribute is present, from at most {@value
   * #MAX_METADATA_CHARS} characters.
   */
  static String langChainProvider(Span span) {
    for (KeyValue attribute : span.getAttributesList()) {
      if (attribute.getKey().equals(OPENINFERENCE_METADATA)
          && attribute.getValue().hasStringValue()
          && attribute.getValue().getStringValue().length() <= MAX_METADATA_CHARS) {
        try {
          JsonNode provider =
              JSON.readTree(attribute.getValue().getStringValue()).path("ls_provider");
          return provider.isTextual() ? provider.asText() : null;
        } catch (java.io.IOException e) {
          return null; // not JSON: no provider
        }
      }
    }
    return null;
  }

  private static double better(double best, double score) {
    return Double.isFinite(score) && !(score <= best) ? score : best;
  }
}
