package io.agentmetrics.api;

/**
 * What a guardrail decided about one input or output. Every outcome but {@link #PASSED} and {@link
 * #REWRITTEN} is an intervention: {@link #FAILED} and {@link #FATAL} block the call, {@link
 * #RETRIED} and {@link #REPROMPTED} ask the model again.
 */
public enum GuardrailOutcome implements LabelValue {
  /** {@code passed}: let through unchanged. */
  PASSED("passed"),
  /** {@code rewritten}: let through, changed by the guardrail. */
  REWRITTEN("rewritten"),
  /** {@code failed}: refused; the call fails once every guardrail has run. */
  FAILED("failed"),
  /** {@code retried}: refused; the model is asked the same again. */
  RETRIED("retried"),
  /** {@code reprompted}: refused; the model is asked again with a correcting prompt. */
  REPROMPTED("reprompted"),
  /** {@code fatal}: refused; the call fails at once, no further guardrail runs. */
  FATAL("fatal");

  private final String label;

  GuardrailOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static GuardrailOutcome fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
