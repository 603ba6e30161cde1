package io.agentmetrics.api;

/**
 * The {@code type} of an event pushed to the metrics server's ingest API: the one list of them, the
 * {@code event_type} label of {@code agentmetrics_ingest_events_total} and the server's event
 * readers (one per type, checked at start-up).
 */
public enum IngestEventType implements LabelValue {
  /** An LLM call, or a budget. */
  LLM_CALL("llm_call"),
  /** An agent run, its start, a start-up, sessions or a feature used. */
  AGENT_RUN("agent_run"),
  /** A tool call. */
  TOOL_CALL("tool_call"),
  /** A task's start or end, or a queue's state. */
  TASK("task"),
  /** An approval requested, decided or escalated. */
  APPROVAL("approval"),
  /** A skill access, permission escalation or policy violation. */
  SECURITY_EVENT("security_event"),
  /** A RAG retrieval or vector store query. */
  RAG_RETRIEVAL("rag_retrieval"),
  /** A cache lookup. */
  CACHE("cache"),
  /** A message in or out. */
  MESSAGE("message"),
  /** A report of the work in flight. */
  IN_FLIGHT("in_flight");

  private final String label;

  IngestEventType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static IngestEventType fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
