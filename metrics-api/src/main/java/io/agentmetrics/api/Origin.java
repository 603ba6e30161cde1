package io.agentmetrics.api;

/** Who produces a metric of the catalogue. */
public enum Origin {
  /** Recorded through {@link AgentMetrics} by the agent application or the ingest API. */
  AGENT,
  /** agentmetrics' own health metrics (cardinality overflow, rejected values). */
  SELF,
  /** The metrics server's HTTP request metrics. */
  HTTP,
  /** JVM, process and system metrics from Micrometer's binders. */
  JVM,
  /** Series that Prometheus itself writes for every scrape target ({@code up}, ...). */
  PROMETHEUS,
  /** The host's CPU, memory, disks and network, from the Prometheus node exporter. */
  HOST,
  /** A PostgreSQL server, from the Prometheus community's postgres_exporter. */
  POSTGRES,
  /** A Redis server, from the Prometheus community's redis_exporter (oliver006). */
  REDIS,
  /** Containers, from cAdvisor (compose's {@code cadvisor} profile, or the kubelet). */
  CONTAINER
}
