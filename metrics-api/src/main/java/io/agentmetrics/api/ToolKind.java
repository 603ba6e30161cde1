package io.agentmetrics.api;

/** Whether a tool call was a plain tool (function call) or a skill. */
public enum ToolKind {
  /** {@code tool}. */
  TOOL("tool"),
  /** {@code skill}. */
  SKILL("skill");

  private final String label;

  ToolKind(String label) {
    this.label = label;
  }

  /** The label value recorded in Prometheus. */
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static ToolKind fromLabel(String value) {
    for (ToolKind candidate : values()) {
      if (candidate.label.equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
