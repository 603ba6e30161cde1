package io.agentmetrics.api;

/** The period a spending budget covers. */
public enum BudgetPeriod implements LabelValue {
  /** {@code daily}. */
  DAILY("daily"),
  /** {@code monthly}. */
  MONTHLY("monthly");

  private final String label;

  BudgetPeriod(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static BudgetPeriod fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
