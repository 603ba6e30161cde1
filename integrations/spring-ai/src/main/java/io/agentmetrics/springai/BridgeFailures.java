package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Integration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a handler's own failure goes instead of into Spring AI's call path: counted, and logged
 * once at WARN with what to do.
 */
final class BridgeFailures {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeFailures.class);

  private final AgentMetrics metrics;
  private final AtomicBoolean logged = new AtomicBoolean();

  BridgeFailures(AgentMetrics metrics) {
    this.metrics = metrics;
  }

  /** Runs {@code recording}; a RuntimeException is counted and logged once, never thrown. */
  void guard(String what, Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException | LinkageError e) {
      count();
      if (logged.compareAndSet(false, true)) {
        LOG.warn(
            "agentmetrics could not record a Spring AI {} observation (counted in"
                + " agentmetrics_integration_failures_total; further failures are only counted)."
                + " Check that the Spring AI version is one the bridge supports: {}",
            what,
            e.toString());
      }
    }
  }

  private void count() {
    try {
      metrics.integrationFailed(Integration.SPRING_AI);
    } catch (RuntimeException e) {
      // A recorder that cannot count either: the warning below is all that is left.
    }
  }
}
