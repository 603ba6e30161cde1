package io.agentmetrics.core;

import io.agentmetrics.api.RejectReason;

/** Where a {@link MeterFamily} reports the values it replaced or dropped. */
interface GuardReporter {

  /** Reports nothing: used by the self-metrics themselves. */
  GuardReporter NONE =
      new GuardReporter() {
        @Override
        public void overflow(String metric) {}

        @Override
        public void rejected(String metric, RejectReason reason) {}
      };

  /** A recording of {@code metric} went to the overflow value because a cap was reached. */
  void overflow(String metric);

  /** A value of {@code metric} was dropped or replaced, for {@code reason}. */
  void rejected(String metric, RejectReason reason);
}
