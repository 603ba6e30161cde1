package io.agentmetrics.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which values a label may take: either a closed set, or bounded free text (a maximum length, a
 * safe character set and a cap on distinct values). Values outside the policy are recorded as
 * {@link #OVERFLOW_VALUE}.
 */
public final class LabelPolicy {

  /** The value recorded in place of a value outside the policy or past a cap. */
  public static final String OVERFLOW_VALUE = "_other";

  /** Default maximum length of a free-text value. */
  public static final int DEFAULT_MAX_LENGTH = 64;

  private final Set<String> allowedValues;
  private final int maxLength;
  private final int maxDistinctValues;

  private LabelPolicy(Set<String> allowedValues, int maxLength, int maxDistinctValues) {
    this.allowedValues = allowedValues;
    this.maxLength = maxLength;
    this.maxDistinctValues = maxDistinctValues;
  }

  /** A closed set of values. {@link #OVERFLOW_VALUE} is always allowed in addition. */
  public static LabelPolicy oneOf(String... values) {
    Set<String> set = new LinkedHashSet<>(List.of(values));
    return new LabelPolicy(Collections.unmodifiableSet(set), 0, set.size() + 1);
  }

  /**
   * Bounded free text: at most {@code maxLength} characters of {@code [A-Za-z0-9 _.:/@+-]} and at
   * most {@code maxDistinctValues} distinct values per metric before overflow.
   */
  public static LabelPolicy freeText(int maxLength, int maxDistinctValues) {
    if (maxLength < 1 || maxDistinctValues < 1) {
      throw new IllegalArgumentException("maxLength and maxDistinctValues must be positive");
    }
    return new LabelPolicy(Set.of(), maxLength, maxDistinctValues);
  }

  /** True for a closed set of values. */
  public boolean isClosed() {
    return !allowedValues.isEmpty();
  }

  /** The allowed values of a closed policy, in catalogue order; empty for free text. */
  public Set<String> allowedValues() {
    return allowedValues;
  }

  /** Maximum length of a free-text value; 0 for a closed set. */
  public int maxLength() {
    return maxLength;
  }

  /** Maximum number of distinct values a label may have on one metric, overflow excluded. */
  public int maxDistinctValues() {
    return maxDistinctValues;
  }

  /** Whether {@code value} is acceptable under this policy (distinct-value caps aside). */
  public boolean allows(String value) {
    if (value == null) {
      return false;
    }
    if (OVERFLOW_VALUE.equals(value)) {
      return true;
    }
    if (isClosed()) {
      return allowedValues.contains(value);
    }
    int length = value.length();
    if (length == 0 || length > maxLength) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!isSafe(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSafe(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == ' '
        || c == '_'
        || c == '.'
        || c == ':'
        || c == '/'
        || c == '@'
        || c == '+'
        || c == '-';
  }

  /** A short human-readable description, used in docs and error messages. */
  public String describe() {
    if (isClosed()) {
      return "one of " + String.join(", ", allowedValues);
    }
    return "free text, up to "
        + maxLength
        + " characters of [A-Za-z0-9 _.:/@+-], at most "
        + maxDistinctValues
        + " distinct values";
  }

  @Override
  public String toString() {
    return describe();
  }
}
