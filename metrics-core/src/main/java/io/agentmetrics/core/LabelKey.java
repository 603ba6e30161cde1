package io.agentmetrics.core;

import java.util.Arrays;

/**
 * The label values of one series, in catalogue order: the key of the meter cache. Wraps the array
 * it is given without copying; callers never modify it afterwards.
 */
final class LabelKey {

  private final String[] values;
  private final int hash;

  LabelKey(String[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  String value(int index) {
    return values[index];
  }

  int size() {
    return values.length;
  }

  String[] copyValues() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LabelKey key && hash == key.hash && Arrays.equals(values, key.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
