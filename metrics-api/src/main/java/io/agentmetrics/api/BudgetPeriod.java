package io.agentmetrics.api;

/** The period a spending budget covers. */
public enum BudgetPeriod {
  /** {@code daily}. */
  DAILY("daily"),
  /** {@code monthly}. */
  MONTHLY("monthly");

  private final String label;

  BudgetPeriod(String label) {
    this.label = label;
  }

  /** The label value recorded in Prometheus. */
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static BudgetPeriod fromLabel(String value) {
    for (BudgetPeriod candidate : values()) {
      if (candidate.label.equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
