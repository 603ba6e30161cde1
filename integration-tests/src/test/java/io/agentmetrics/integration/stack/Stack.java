package io.agentmetrics.integration.stack;

import java.net.URI;
import java.util.Optional;

/**
 * The running agentmetrics stack the scenarios drive: the metrics server with its demo workload,
 * Prometheus with the alerting rules, Alertmanager, and Grafana where the backend has it. Every URL
 * here is reachable from the test JVM.
 */
public interface Stack extends AutoCloseable {

  /** The backend that runs it. */
  Backend backend();

  /** The metrics server's base URL ({@code /metrics}, {@code /api/v1/events}). */
  URI server();

  /** Prometheus's base URL. */
  URI prometheus();

  /** Alertmanager's base URL. */
  URI alertmanager();

  /** Grafana, provisioned with the stack's datasources and dashboards; empty natively. */
  Optional<Grafana> grafana();

  /** Stops the metrics server, as when it crashes; its scrape target goes down. */
  void stopServer();

  /** Starts the metrics server again on the same port and waits until it is ready. */
  void restartServer();

  /**
   * The {@code host:port} at which the stack's Prometheus reaches {@code port} on this machine's
   * loopback (for scrape targets the test runs).
   */
  String hostAddress(int port);

  /**
   * Starts one more Prometheus of the stack's kind (same binary or image) with {@code configYaml};
   * its scrape targets must be {@link #hostAddress} addresses.
   */
  ExtraPrometheus startPrometheus(String name, String configYaml);

  /** Stops everything it started. */
  @Override
  void close();

  /**
   * A Grafana to query.
   *
   * @param uri its base URL
   * @param user the admin user
   * @param password the admin password, generated for this run
   */
  record Grafana(URI uri, String user, String password) {}

  /** A further Prometheus a scenario started; closing it stops it. */
  interface ExtraPrometheus extends AutoCloseable {

    /** Its base URL. */
    URI uri();

    @Override
    void close();
  }
}
