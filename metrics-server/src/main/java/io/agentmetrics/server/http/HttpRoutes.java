package io.agentmetrics.server.http;

import io.agentmetrics.core.GuardedMeters;
import io.agentmetrics.server.ingest.EventIngester;
import io.agentmetrics.server.otlp.OtlpReceiver;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's Javalin wiring: routes, auth, CORS, errors, HTTP metrics and graceful stop. */
public final class HttpRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);

  /** Threads that parse and record ingest batches: as many as cores, and at least 2. */
  private static final int INGEST_WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final ServerSettings settings;
  private final Javalin app;
  private final ScheduledExecutorService deadlines;
  private final ExecutorService ingestWorkers;
  private final OtlpGrpcServer grpc;
  private volatile boolean ready;

  /** Wires a Javalin app for {@code settings}; nothing is bound until {@link #start()}. */
  public HttpRoutes(ServerSettings s) {
    this.settings = s;
    String events = ServerSettings.EVENTS_PATH;
    HealthHandlers health = new HealthHandlers(this::isReady);
    GuardedMeters meters = s.metrics().guardedMeters();
    EventIngester ingester = new EventIngester(s.metrics(), meters);
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("agentmetrics-timer"));
    timer.setRemoveOnCancelPolicy(true);
    this.deadlines = timer;
    OtlpReceiver otlp = new OtlpReceiver(s.metrics(), timer);
    this.ingestWorkers =
        Executors.newFixedThreadPool(INGEST_WORKERS, daemon("agentmetrics-ingest"));
    BodyBudget budget = BodyBudget.of(s.maxBufferedBodyBytes(), s.maxBodyBytes());
    BodyReader bodies = new BodyReader(s.maxBodyBytes(), s.bodyTimeout(), budget, deadlines);
    String traces = ServerSettings.OTLP_TRACES_PATH;
    String otlpMetrics = ServerSettings.OTLP_METRICS_PATH;
    String otlpLogs = ServerSettings.OTLP_LOGS_PATH;
    Set<String> routes =
        Set.of(
            s.metricsPath(),
            events,
            traces,
            otlpMetrics,
            otlpLogs,
            ServerSettings.HEALTH_PATH,
            ServerSettings.READY_PATH,
            ServerSettings.RUNBOOKS_PATH);
    HttpRequestMetrics requests = new HttpRequestMetrics(meters, routes);
    this.grpc =
        s.grpcPort() == ServerSettings.GRPC_OFF
            ? null
            : new OtlpGrpcServer(s, otlp, budget, requests, ingestWorkers, deadlines);
    this.app =
        Javalin.create(
            config -> {
              configureServer(config);
              config.requestLogger.http(requests);
              Cors.configure(config, s.corsOrigins());
              config.routes.beforeMatched(s.metricsPath(), new AuthHandler(s.scrapeAuth()));
              for (String ingest : List.of(events, traces, otlpMetrics, otlpLogs)) {
                config.routes.beforeMatched(ingest, new AuthHandler(s.ingestAuth()));
              }
              config.routes.get(s.metricsPath(), new ScrapeHandler(s.registry()));
              config.routes.post(events, new IngestHandler(ingester, bodies, ingestWorkers));
              config.routes.post(
                  traces,
                  new OtlpHandler<>(
                      ExportTraceServiceRequest::newBuilder,
                      request -> otlp.traces(request.build()),
                      bodies,
                      s.maxBodyBytes(),
                      ingestWorkers));
              config.routes.post(
                  otlpMetrics,
                  new OtlpHandler<>(
                      ExportMetricsServiceRequest::newBuilder,
                      request -> otlp.metrics(request.build()),
                      bodies,
                      s.maxBodyBytes(),
                      ingestWorkers));
              config.routes.post(
                  otlpLogs,
                  new OtlpHandler<>(
                      ExportLogsServiceRequest::newBuilder,
                      request -> otlp.logs(request.build()),
                      bodies,
                      s.maxBodyBytes(),
                      ingestWorkers));
              config.routes.get(ServerSettings.HEALTH_PATH, health::health);
              config.routes.get(ServerSettings.READY_PATH, health::readiness);
              config.routes.get(ServerSettings.RUNBOOKS_PATH, new RunbooksHandler());
              config.routes.exception(ApiException.class, (e, ctx) -> JsonResponses.error(ctx, e));
              config.routes.exception(BodyReader.Answered.class, (e, ctx) -> {});
              config.routes.exception(HttpResponseException.class, HttpRoutes::javalinError);
              config.routes.exception(Exception.class, HttpRoutes::internalError);
              config.routes.error(404, ctx -> fail(ctx, 404, "not_found", "no such endpoint"));
              config.routes.error(405, ctx -> fail(ctx, 405, "method_not_allowed", "wrong method"));
            });
  }

  private void configureServer(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.prefer405over404 = true;
    config.http.maxRequestSize = settings.maxBodyBytes();
    config.http.compressionStrategy = CompressionStrategy.NONE; // /metrics gzips itself
    config.jetty.addConnector(
        (server, http) ->
            Connectors.create(
                server,
                http,
                settings.host(),
                settings.port(),
                settings.tls(),
                settings.shutdownTimeout().toMillis()));
    config.jetty.modifyServer(
        server -> {
          server.setStopTimeout(settings.shutdownTimeout().toMillis());
          server.insertHandler(new GracefulHandler());
          server.setErrorHandler(new JsonErrorHandler());
        });
  }

  /** Binds the port and starts serving. */
  public void start() {
    app.start();
    if (grpc != null) {
      try {
        grpc.start();
      } catch (RuntimeException e) {
        app.stop();
        throw e;
      }
      LOG.info(
          "agentmetrics OTLP/gRPC listening on {}:{} ({}, ingest auth {})",
          settings.host(),
          grpc.port(),
          settings.tls() == null ? "plaintext" : "TLS",
          settings.ingestAuth());
    }
    ready = true;
    LOG.info(
        "agentmetrics server listening on {}://{}:{} (metrics {}, scrape auth {}, ingest auth {})",
        settings.tls() == null ? "http" : "https",
        settings.host(),
        port(),
        settings.metricsPath(),
        settings.scrapeAuth(),
        settings.ingestAuth());
    if (!settings.ingestAuth().enabled() && !loopback(settings.host())) {
      LOG.warn(
          "ingest is open to anyone who can reach {}:{}{}: no ingest credentials are configured;"
              + " set --ingest-token-file (or --ingest-user and --ingest-password-file), or bind"
              + " 127.0.0.1 where only this host pushes",
          settings.host(),
          port(),
          grpc == null ? "" : " and OTLP/gRPC port " + grpc.port());
    }
  }

  /** Whether {@code host} is a loopback address, reachable from this host only. */
  static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Reports not ready, lets requests in flight complete and stops. */
  public void stop() {
    ready = false;
    try {
      if (grpc != null) {
        grpc.stop();
      }
      app.stop();
    } finally {
      ingestWorkers.shutdown();
      deadlines.shutdownNow();
    }
  }

  /** The bound port. */
  public int port() {
    return app.port();
  }

  /** The bound OTLP/gRPC port, -1 when none is served. */
  public int grpcPort() {
    return grpc == null ? ServerSettings.GRPC_OFF : grpc.port();
  }

  /** Whether started and not stopping. */
  public boolean isReady() {
    return ready;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void fail(Context ctx, int status, String error, String message) {
    JsonResponses.error(ctx, status, error, message + ": " + ctx.method() + " " + ctx.path());
  }

  private static void javalinError(HttpResponseException e, Context ctx) {
    JsonResponses.error(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage());
  }

  private static void internalError(Exception e, Context ctx) {
    if (e instanceof IOException) {
      // The only I/O here is the connection's: it broke mid-request. Never a 2xx: answer 400 where
      // the connection can still carry it, and close it.
      LOG.debug("connection broke during {} {}: {}", ctx.method(), ctx.path(), e.toString());
      ctx.header("Connection", "close");
      fail(ctx, 400, "incomplete_request", "the request could not be read whole");
      return;
    }
    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
    JsonResponses.error(ctx, 500, "internal_error", "internal error");
  }
}
