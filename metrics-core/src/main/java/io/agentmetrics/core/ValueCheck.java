package io.agentmetrics.core;

import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.RejectReason;

/** Checks the numbers handed to the recorders: finite and not negative, else counted. */
final class ValueCheck {

  private final GuardCounters guard;

  ValueCheck(GuardCounters guard) {
    this.guard = guard;
  }

  /**
   * Whether {@code value} may be recorded into {@code metric}: finite and not negative. Otherwise
   * the value is counted as rejected ({@code not_finite} or {@code negative}).
   */
  boolean accepts(MetricDefinition metric, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      guard.rejected(metric, RejectReason.NOT_FINITE);
      return false;
    }
    if (value < 0) {
      guard.rejected(metric, RejectReason.NEGATIVE);
      return false;
    }
    return true;
  }
}
