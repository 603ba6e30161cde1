package io.agentmetrics.api;

/** What saved tokens: the provider's cache, prompt compression, routing to a smaller model. */
public enum SavingMechanism implements LabelValue {
  /** {@code caching}. */
  CACHING("caching"),
  /** {@code compression}. */
  COMPRESSION("compression"),
  /** {@code routing}. */
  ROUTING("routing");

  private final String label;

  SavingMechanism(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static SavingMechanism fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
