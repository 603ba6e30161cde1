package io.agentmetrics.dashboards.interpolate;

import java.util.List;

/**
 * The current value of a dashboard variable.
 *
 * @param values the selected values; for "All" without a custom all value, every option
 * @param all whether "All" is selected
 * @param allValue the variable's custom all value; empty when not set
 * @param multi whether the variable allows several values
 * @param includeAll whether the variable offers "All"
 */
public record VariableValue(
    List<String> values, boolean all, String allValue, boolean multi, boolean includeAll) {

  /** Copies the values. */
  public VariableValue {
    values = List.copyOf(values);
    allValue = allValue == null ? "" : allValue;
  }

  /** A single-value variable (neither multi nor include-all) set to {@code value}. */
  public static VariableValue single(String value) {
    return new VariableValue(List.of(value), false, "", false, false);
  }

  /** A multi-value variable with these values selected. */
  public static VariableValue multi(String... values) {
    return new VariableValue(List.of(values), false, "", true, true);
  }

  /** "All" of a variable with a custom all value, e.g. {@code .+}. */
  public static VariableValue allWithCustomValue(String allValue) {
    return new VariableValue(List.of(), true, allValue, true, true);
  }

  /** "All" of a variable without a custom all value: every option is used. */
  public static VariableValue allOf(List<String> options) {
    return new VariableValue(options, true, "", true, true);
  }

  /** Whether Grafana uses the custom all value verbatim. */
  public boolean usesCustomAllValue() {
    return all && !allValue.isEmpty();
  }
}
