package io.agentmetrics.server.http;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a {@link HttpRoutes} server, built by {@code MetricsServer.Builder}.
 *
 * @param host bind address
 * @param port port, 0 for any free port
 * @param metricsPath the scrape path
 * @param registry the registry scraped
 * @param metrics the recorder ingested events and OTLP data are recorded through
 * @param scrapeAuth credentials required on the scrape path
 * @param ingestAuth credentials required on the ingest path
 * @param corsOrigins origins allowed by CORS ({@code *} for any); empty for none
 * @param maxBodyBytes the largest ingest body accepted
 * @param bodyTimeout how long an ingest body may take to arrive whole
 * @param maxBufferedBodyBytes the bytes of ingest bodies held at once, all requests together; 0 for
 *     a quarter of the JVM's maximum heap
 * @param tls the TLS keystore, or null for plain HTTP
 * @param shutdownTimeout how long {@link HttpRoutes#stop()} waits for requests in flight
 * @param grpcPort the OTLP/gRPC port on the same address, 0 for any free port, {@link #GRPC_OFF}
 *     for none
 */
public record ServerSettings(
    String host,
    int port,
    String metricsPath,
    PrometheusMeterRegistry registry,
    MicrometerAgentMetrics metrics,
    HttpAuth scrapeAuth,
    HttpAuth ingestAuth,
    List<String> corsOrigins,
    long maxBodyBytes,
    Duration bodyTimeout,
    long maxBufferedBodyBytes,
    TlsKeyStore tls,
    Duration shutdownTimeout,
    int grpcPort) {

  /** The {@code grpcPort} that serves no OTLP/gRPC. */
  public static final int GRPC_OFF = -1;

  /** OTLP/gRPC's port by the OTLP specification's default. */
  public static final int OTLP_GRPC_DEFAULT_PORT = 4317;

  /** The ingest endpoint. */
  public static final String EVENTS_PATH = "/api/v1/events";

  /**
   * How much of a refused body (413, 415, 503) the server reads and throws away after answering, so
   * that the sender reads the answer instead of a connection reset; within {@code bodyTimeout}. A
   * body declared larger than the limit plus this is answered and the connection closed.
   */
  public static final long REFUSED_BODY_DRAIN_BYTES = 64L * 1024 * 1024;

  /** OTLP/HTTP's traces endpoint. */
  public static final String OTLP_TRACES_PATH = "/v1/traces";

  /** OTLP/HTTP's metrics endpoint. */
  public static final String OTLP_METRICS_PATH = "/v1/metrics";

  /** OTLP/HTTP's logs endpoint (GenAI events). */
  public static final String OTLP_LOGS_PATH = "/v1/logs";

  /** The liveness endpoint. */
  public static final String HEALTH_PATH = "/healthz";

  /** The readiness endpoint. */
  public static final String READY_PATH = "/readyz";

  /** The runbooks of the alerts, as HTML (no credentials needed: they hold no secret). */
  public static final String RUNBOOKS_PATH = "/runbooks";
}
