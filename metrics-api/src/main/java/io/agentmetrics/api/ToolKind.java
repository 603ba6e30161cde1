package io.agentmetrics.api;

/**
 * The {@code gen_ai.tool.type} of a tool call: the spec's well-known {@code function}, {@code
 * extension} and {@code datastore}, and our {@code skill} (a custom value, as the spec allows).
 */
public enum ToolKind implements LabelValue {
  /** {@code function}: a function the agent's code runs (the usual tool call). */
  TOOL("function"),
  /** {@code extension}: a tool run by the agent's platform, e.g. a web search extension. */
  EXTENSION("extension"),
  /** {@code datastore}: a data store the agent queries, e.g. for retrieval. */
  DATASTORE("datastore"),
  /** {@code skill}: a packaged skill (a custom value of ours). */
  SKILL("skill");

  private final String label;

  ToolKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static ToolKind fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
