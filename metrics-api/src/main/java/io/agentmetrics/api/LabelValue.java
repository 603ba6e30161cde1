package io.agentmetrics.api;

/**
 * A constant of the api whose label value is recorded: the enums ({@link RunStatus}, {@link
 * TaskStatus}, ...) are the one declaration of their label's closed set of values.
 */
public interface LabelValue {

  /** The label value recorded in Prometheus. */
  String label();

  /** The constant among {@code constants} whose label is {@code value}, or null. */
  static <E extends LabelValue> E fromLabel(E[] constants, String value) {
    for (E candidate : constants) {
      if (candidate.label().equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
