package io.agentmetrics.core;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Integration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a framework bridge's own failure goes instead of into the framework's call path: counted in
 * {@code agentmetrics_integration_failures_total{integration}} and logged once at WARN with what to
 * do. One per bridge.
 */
public final class IntegrationGuard {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationGuard.class);

  private final AgentMetrics metrics;
  private final Integration integration;
  private final String framework;
  private final AtomicBoolean logged = new AtomicBoolean();

  /** A guard for {@code integration}, whose framework is named {@code framework} in the log. */
  public IntegrationGuard(AgentMetrics metrics, Integration integration, String framework) {
    this.metrics = metrics;
    this.integration = integration;
    this.framework = framework;
  }

  /** Runs {@code recording}; what it throws is counted and logged once, never rethrown. */
  public void guard(String what, Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException | LinkageError e) {
      count();
      if (logged.compareAndSet(false, true)) {
        LOG.warn(
            "agentmetrics could not record a {} {} event (counted in"
                + " agentmetrics_integration_failures_total; further failures are only counted)."
                + " Check that the {} version is one the bridge supports: {}",
            framework,
            what,
            framework,
            e.toString());
      }
    }
  }

  private void count() {
    try {
      metrics.integrationFailed(integration);
    } catch (RuntimeException e) {
      // A recorder that cannot count either: the warning is all that is left.
    }
  }
}
