package io.agentmetrics.integration.stack;

/** Where the end-to-end stack runs. */
public enum Backend {
  /** Prometheus, Alertmanager and Grafana containers (Testcontainers), where Docker runs. */
  TESTCONTAINERS("testcontainers"),
  /** Processes of the Debian packages prometheus and prometheus-alertmanager (no Grafana). */
  NATIVE("native");

  private final String label;

  Backend(String label) {
    this.label = label;
  }

  /** The name used in the report and in {@code -Dagentmetrics.it.backend}. */
  public String label() {
    return label;
  }
}
