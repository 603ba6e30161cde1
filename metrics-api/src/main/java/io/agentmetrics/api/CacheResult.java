package io.agentmetrics.api;

/** The result of a cache lookup. */
public enum CacheResult implements LabelValue {
  /** {@code hit}. */
  HIT("hit"),
  /** {@code miss}. */
  MISS("miss");

  private final String label;

  CacheResult(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static CacheResult fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
