package io.agentmetrics.api;

/**
 * One finished tool or skill execution.
 *
 * @param agent the calling agent
 * @param tool the tool or skill name
 * @param kind tool or skill
 * @param durationSeconds how long it took
 * @param errorType an error class or code when it failed, else null
 */
public record ToolCall(
    String agent, String tool, ToolKind kind, double durationSeconds, String errorType) {

  /** A successful call of a tool. */
  public static ToolCall success(String agent, String tool, double durationSeconds) {
    return new ToolCall(agent, tool, ToolKind.TOOL, durationSeconds, null);
  }
}
