package io.agentmetrics.api;

/** A framework bridge of agentmetrics, the {@code integration} label of its self-metrics. */
public enum Integration implements LabelValue {
  /** {@code spring_ai}: the Spring AI observation handlers. */
  SPRING_AI("spring_ai"),
  /** {@code langchain4j}: the LangChain4j listeners. */
  LANGCHAIN4J("langchain4j"),
  /** {@code mcp}: the Model Context Protocol bridge. */
  MCP("mcp");

  private final String label;

  Integration(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static Integration fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
