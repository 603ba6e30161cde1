package io.agentmetrics.api;

/**
 * A tool or skill execution in progress, from {@link AgentMetrics#startToolCall} or {@link
 * RunScope#startToolCall}: {@link #close()} records it with its duration measured by the facade's
 * {@link Ticker}, successful unless {@link #failed} said otherwise. Closing twice records once.
 */
public final class ToolCallScope extends MeasuredScope {

  private final String agent;
  private final String tool;
  private ToolKind kind = ToolKind.TOOL;
  private String errorType;

  ToolCallScope(AgentMetrics metrics, String agent, String tool) {
    super(metrics);
    this.agent = agent;
    this.tool = tool;
  }

  /** The kind of tool ({@link ToolKind#TOOL} unless set). */
  public ToolCallScope kind(ToolKind kind) {
    this.kind = kind;
    return this;
  }

  /** The call failed with {@code error}. */
  public ToolCallScope failed(Throwable error) {
    return failed(ErrorTypes.of(error));
  }

  /** The call failed with {@code errorType} (a class or code, never a message). */
  public ToolCallScope failed(String errorType) {
    this.errorType = errorType == null ? "_OTHER" : errorType;
    return this;
  }

  @Override
  void record(double seconds) {
    metrics.toolCall(new ToolCall(agent, tool, kind, seconds, errorType));
  }
}
