package io.agentmetrics.api;

/** What a guardrail checked: the agent's input (the user's message) or its output. */
public enum GuardrailStage implements LabelValue {
  /** {@code input}: the message before it reaches the model. */
  INPUT("input"),
  /** {@code output}: the model's answer before it reaches the user. */
  OUTPUT("output");

  private final String label;

  GuardrailStage(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static GuardrailStage fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
