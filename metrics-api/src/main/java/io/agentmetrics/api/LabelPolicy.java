package io.agentmetrics.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which values a label may take: a closed set, or bounded free text (a maximum length, a safe
 * character set and a cap on distinct values), optionally with well-known values listed first (the
 * OpenTelemetry "well-known values, custom values allowed" sets). A label may also allow the empty
 * value, which Prometheus treats as an absent label (e.g. {@code error.type} on success). Values
 * outside the policy are recorded as {@link #OVERFLOW_VALUE}.
 */
public final class LabelPolicy {

  /** The value recorded in place of a value outside the policy or past a cap. */
  public static final String OVERFLOW_VALUE = "_other";

  /** Default maximum length of a free-text value. */
  public static final int DEFAULT_MAX_LENGTH = 64;

  private final boolean closed;
  private final Set<String> allowedValues;
  private final int maxLength;
  private final int maxDistinctValues;
  private final boolean allowsEmpty;

  private LabelPolicy(
      boolean closed,
      Set<String> allowedValues,
      int maxLength,
      int maxDistinctValues,
      boolean allowsEmpty) {
    this.closed = closed;
    this.allowedValues = allowedValues;
    this.maxLength = maxLength;
    this.maxDistinctValues = maxDistinctValues;
    this.allowsEmpty = allowsEmpty;
  }

  /** A closed set of values. {@link #OVERFLOW_VALUE} is always allowed in addition. */
  public static LabelPolicy oneOf(String... values) {
    Set<String> set = new LinkedHashSet<>(List.of(values));
    return new LabelPolicy(true, Collections.unmodifiableSet(set), 0, set.size() + 1, false);
  }

  /** The closed set of an api enum's label values, in declaration order. */
  public static LabelPolicy oneOf(LabelValue... constants) {
    String[] values = new String[constants.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = constants[i].label();
    }
    return oneOf(values);
  }

  /**
   * Well-known values, custom values allowed: any value of bounded free text is accepted, the
   * well-known ones are listed in docs and checks. The distinct-value cap counts all values.
   */
  public static LabelPolicy wellKnown(int maxLength, int maxDistinctValues, String... known) {
    LabelPolicy free = freeText(maxLength, maxDistinctValues);
    Set<String> set = new LinkedHashSet<>(List.of(known));
    for (String value : set) {
      if (!free.allows(value)) {
        throw new IllegalArgumentException("well-known value '" + value + "' is not free text");
      }
    }
    return new LabelPolicy(
        false, Collections.unmodifiableSet(set), maxLength, maxDistinctValues, false);
  }

  /** This policy, also allowing the empty value (an absent label in Prometheus). */
  public LabelPolicy orEmpty() {
    return new LabelPolicy(closed, allowedValues, maxLength, maxDistinctValues, true);
  }

  /**
   * Bounded free text: at most {@code maxLength} characters of {@code [A-Za-z0-9 _.:/@+-]} and at
   * most {@code maxDistinctValues} distinct values per metric before overflow.
   */
  public static LabelPolicy freeText(int maxLength, int maxDistinctValues) {
    if (maxLength < 1 || maxDistinctValues < 1) {
      throw new IllegalArgumentException("maxLength and maxDistinctValues must be positive");
    }
    return new LabelPolicy(false, Set.of(), maxLength, maxDistinctValues, false);
  }

  /** True for a closed set of values. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * The allowed values of a closed policy, or the well-known values of an open one, in catalogue
   * order; empty for plain free text.
   */
  public Set<String> allowedValues() {
    return allowedValues;
  }

  /** Whether the empty value (an absent label in Prometheus) is allowed. */
  public boolean allowsEmpty() {
    return allowsEmpty;
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
    int length = value.length();
    if (length == 0) {
      return allowsEmpty;
    }
    if (closed) {
      return allowedValues.contains(value);
    }
    if (length > maxLength) {
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
    String empty = allowsEmpty ? " (or empty)" : "";
    if (closed) {
      return "one of " + String.join(", ", allowedValues) + empty;
    }
    String free =
        "free text, up to "
            + maxLength
            + " characters of [A-Za-z0-9 _.:/@+-], at most "
            + maxDistinctValues
            + " distinct values"
            + empty;
    if (allowedValues.isEmpty()) {
      return free;
    }
    return "well-known " + String.join(", ", allowedValues) + ", or custom: " + free;
  }

  @Override
  public String toString() {
    return describe();
  }
}
