package io.agentmetrics.api;

/** Why a recording was rejected (agentmetrics' self-metrics). */
public enum RejectReason implements LabelValue {
  /** {@code negative}. */
  NEGATIVE("negative"),
  /** {@code not_finite}. */
  NOT_FINITE("not_finite"),
  /** {@code invalid_label}. */
  INVALID_LABEL("invalid_label"),
  /** {@code null_event}. */
  NULL_EVENT("null_event"),
  /** {@code internal}. */
  INTERNAL("internal");

  private final String label;

  RejectReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The constant whose label value is {@code value}, or null when there is none. */
  public static RejectReason fromLabel(String value) {
    return LabelValue.fromLabel(values(), value);
  }
}
