package io.agentmetrics.server;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.http.HttpAuth;
import io.agentmetrics.server.http.HttpRoutes;
import io.agentmetrics.server.http.ServerSettings;
import io.agentmetrics.server.http.TlsKeyStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The agentmetrics HTTP server, embeddable in any JVM application: {@code GET /metrics} for
 * Prometheus, {@code POST /api/v1/events} for agents in any language, OTLP/HTTP (and, on a port of
 * its own, OTLP/gRPC), {@code /healthz} and {@code /readyz}. Build it with {@link #builder()}, then
 * {@link #start()} and {@link #stop()} it.
 */
public final class MetricsServer implements AutoCloseable {

  /** The ingest endpoint. */
  public static final String EVENTS_PATH = ServerSettings.EVENTS_PATH;

  /** The liveness endpoint. */
  public static final String HEALTH_PATH = ServerSettings.HEALTH_PATH;

  /** The readiness endpoint. */
  public static final String READY_PATH = ServerSettings.READY_PATH;

  /** The largest {@link Builder#maxBodyBytes(long)} allowed: 64 MiB. */
  public static final long MAX_BODY_BYTES_LIMIT = 64L * 1024 * 1024;

  /** The default largest body, 20 MiB (the OpenTelemetry Collector's). */
  public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;

  /** The longest {@link Builder#bodyTimeout(Duration)} allowed: 10 minutes. */
  public static final Duration MAX_BODY_TIMEOUT = Duration.ofMinutes(10);

  /** The longest {@link Builder#shutdownTimeout(Duration)} allowed: 1 hour. */
  public static final Duration MAX_SHUTDOWN_TIMEOUT = Duration.ofHours(1);

  private final HttpRoutes routes;

  private MetricsServer(Builder builder) {
    this.routes = new HttpRoutes(builder.toSettings());
  }

  /**
   * A builder with the defaults: 127.0.0.1:9464, /metrics, no auth, no CORS, 20 MiB bodies that
   * must arrive within 10 s.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts serving; returns once the port is bound. */
  public MetricsServer start() {
    routes.start();
    return this;
  }

  /** Stops accepting requests, lets requests in flight complete (up to the timeout) and stops. */
  public void stop() {
    routes.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** The bound port (the actual one when port 0 was asked for). */
  public int port() {
    return routes.port();
  }

  /** The bound OTLP/gRPC port, or -1 when it serves none. */
  public int grpcPort() {
    return routes.grpcPort();
  }

  /** Whether the server is started and not stopping. */
  public boolean isReady() {
    return routes.isReady();
  }

  /** Builds a {@link MetricsServer}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 9464;
    private String path = "/metrics";
    private PrometheusMeterRegistry registry;
    private MicrometerAgentMetrics metrics;
    private HttpAuth scrapeAuth = HttpAuth.none();
    private HttpAuth ingestAuth = HttpAuth.none();
    private List<String> corsOrigins = List.of();
    // The OpenTelemetry Collector's default: one SDK batch of 512 spans with prompts and
    // completions captured is several MiB.
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration bodyTimeout = Duration.ofSeconds(10);
    private long maxBufferedBodyBytes;
    private TlsKeyStore tls;
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private int grpcPort = ServerSettings.GRPC_OFF;

    private Builder() {}

    /**
     * The bind address, {@code 127.0.0.1} by default: reachable from this host only. {@code
     * 0.0.0.0} (all interfaces) is what a container or a pod needs; without ingest credentials the
     * start line then warns that anyone who can reach the port may push.
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port, 9464 by default; 0 picks a free port (see {@link MetricsServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The scrape path, {@code /metrics} by default: it must start with {@code /}, hold no query or
     * fragment, and differ from the ingest, health and readiness paths.
     */
    public Builder path(String path) {
      if (path == null || !path.startsWith("/") || path.contains("?") || path.contains("#")) {
        throw new IllegalArgumentException(
            "the metrics path must start with / and hold no ? or #: " + path);
      }
      for (String taken :
          List.of(EVENTS_PATH, HEALTH_PATH, READY_PATH, ServerSettings.RUNBOOKS_PATH)) {
        if (path.equals(taken)) {
          throw new IllegalArgumentException(
              "the metrics path " + path + " clashes with the server's own endpoint " + taken);
        }
      }
      this.path = path;
      return this;
    }

    /** The registry to scrape (required); the HTTP metrics are recorded in it too. */
    public Builder registry(PrometheusMeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The recorder ingested events and OTLP data are recorded through (required): its guards,
     * series caps and prices apply to every way in.
     */
    public Builder metrics(MicrometerAgentMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** Credentials required to scrape; none by default. */
    public Builder scrapeAuth(HttpAuth auth) {
      this.scrapeAuth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Credentials required to ingest events; none by default. */
    public Builder ingestAuth(HttpAuth auth) {
      this.ingestAuth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Origins allowed to call the server from a browser ({@code *} for any); none by default. */
    public Builder corsOrigins(List<String> origins) {
      this.corsOrigins = List.copyOf(origins);
      return this;
    }

    /**
     * The largest ingest body in bytes, 20 MiB by default, at most {@link #MAX_BODY_BYTES_LIMIT};
     * larger bodies get 413.
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1 || bytes > MAX_BODY_BYTES_LIMIT) {
        throw new IllegalArgumentException(
            "maxBodyBytes must be between 1 and " + MAX_BODY_BYTES_LIMIT + ": " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * How long an ingest body may take to arrive whole, 10 s by default, at most {@link
     * #MAX_BODY_TIMEOUT}; a slower body gets 408 and its connection is closed. No thread waits for
     * a body meanwhile.
     */
    public Builder bodyTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 1 || timeout.compareTo(MAX_BODY_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "bodyTimeout must be between 1 ms and " + MAX_BODY_TIMEOUT + ": " + timeout);
      }
      this.bodyTimeout = timeout;
      return this;
    }

    /**
     * The bytes of ingest bodies the server holds at once, all requests together (being read or
     * waiting to be parsed); by default a quarter of the JVM's maximum heap, and never less than
     * one body of {@link #maxBodyBytes(long)}. A body that finds no room gets 503 with {@code
     * Retry-After}.
     */
    public Builder maxBufferedBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBufferedBodyBytes must be positive: " + bytes);
      }
      this.maxBufferedBodyBytes = bytes;
      return this;
    }

    /** Serves HTTPS with this keystore instead of plain HTTP. */
    public Builder tls(TlsKeyStore tls) {
      this.tls = tls;
      return this;
    }

    /**
     * How long {@link MetricsServer#stop()} waits for requests in flight; 10 s by default, at most
     * {@link #MAX_SHUTDOWN_TIMEOUT}.
     */
    public Builder shutdownTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.compareTo(MAX_SHUTDOWN_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "shutdownTimeout must be between 0 and " + MAX_SHUTDOWN_TIMEOUT + ": " + timeout);
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * Also serves OTLP/gRPC (the trace, metrics and logs services) on this port of the same
     * address, with the same ingest credentials, limits and TLS; 0 picks a free port (see {@link
     * MetricsServer#grpcPort()}), {@code -1} (the default) serves none. The OTLP default is {@value
     * ServerSettings#OTLP_GRPC_DEFAULT_PORT}.
     */
    public Builder grpcPort(int port) {
      if (port < ServerSettings.GRPC_OFF || port > 65535) {
        throw new IllegalArgumentException(
            "grpcPort must be between 0 and 65535, or -1 for none: " + port);
      }
      this.grpcPort = port;
      return this;
    }

    /** The server, not yet started. */
    public MetricsServer build() {
      Objects.requireNonNull(registry, "registry is required");
      Objects.requireNonNull(metrics, "metrics (the MicrometerAgentMetrics recorder) is required");
      return new MetricsServer(this);
    }

    private ServerSettings toSettings() {
      return new ServerSettings(
          host,
          port,
          path,
          registry,
          metrics,
          scrapeAuth,
          ingestAuth,
          corsOrigins,
          maxBodyBytes,
          bodyTimeout,
          maxBufferedBodyBytes,
          tls,
          shutdownTimeout,
          grpcPort);
    }
  }
}
