package io.agentmetrics.server.http;

import io.agentmetrics.server.otlp.OtlpReceiver;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * OTLP/gRPC on a port of its own: the trace, metrics and logs services, on grpc-java's Netty
 * transport (the gRPC project's own server; Jetty, under Javalin, serves no gRPC). Same address,
 * TLS keystore, ingest credentials, message limit (larger messages: RESOURCE_EXHAUSTED), buffer
 * budget and body timeout as the HTTP port ({@link GrpcAdmission}), the same receiver and ingest
 * workers, and the same request metric ({@link GrpcRequestMetrics}).
 */
final class OtlpGrpcServer {

  /** The full names of the methods served, as the request metric's uri names them. */
  static final List<String> METHODS =
      List.of(
          OtlpGrpcService.exportMethod(TraceServiceGrpc.SERVICE_NAME),
          OtlpGrpcService.exportMethod(MetricsServiceGrpc.SERVICE_NAME),
          OtlpGrpcService.exportMethod(LogsServiceGrpc.SERVICE_NAME));

  /**
   * grpc-java logs each message it refuses in the transport (over the limit, cut short) at WARNING
   * with a stack trace: any client could fill the log. The refusal is answered and counted in
   * {@code http_server_requests}; this logger is kept (JUL holds loggers weakly) at SEVERE.
   */
  private static final java.util.logging.Logger TRANSPORT_REFUSALS =
      quiet("io.grpc.netty.shaded.io.grpc.netty.NettyServerStream");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  /** The largest header block a call may send: OTLP sends a few short headers. */
  private static final int MAX_METADATA_BYTES = 16 * 1024;

  private final Server server;
  private final long shutdownMillis;

  OtlpGrpcServer(
      ServerSettings s,
      OtlpReceiver otlp,
      BodyBudget budget,
      HttpRequestMetrics requests,
      Executor workers,
      ScheduledExecutorService deadlines) {
    this.shutdownMillis = s.shutdownTimeout().toMillis();
    GrpcAdmission admission =
        new GrpcAdmission(s.ingestAuth(), budget, s.maxBodyBytes(), s.bodyTimeout(), deadlines);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(s.host(), s.grpcPort()))
            .executor(workers)
            .maxInboundMessageSize(Math.toIntExact(s.maxBodyBytes()))
            .maxInboundMetadataSize(MAX_METADATA_BYTES)
            .addStreamTracerFactory(new GrpcRequestMetrics(requests, Set.copyOf(METHODS)))
            .addService(
                ServerInterceptors.intercept(
                    OtlpGrpcService.of(
                        TraceServiceGrpc.SERVICE_NAME,
                        ExportTraceServiceRequest::newBuilder,
                        request -> otlp.traces(request.build())),
                    admission))
            .addService(
                ServerInterceptors.intercept(
                    OtlpGrpcService.of(
                        MetricsServiceGrpc.SERVICE_NAME,
                        ExportMetricsServiceRequest::newBuilder,
                        request -> otlp.metrics(request.build())),
                    admission))
            .addService(
                ServerInterceptors.intercept(
                    OtlpGrpcService.of(
                        LogsServiceGrpc.SERVICE_NAME,
                        ExportLogsServiceRequest::newBuilder,
                        request -> otlp.logs(request.build())),
                    admission));
    if (s.tls() != null) {
      builder.sslContext(sslContext(s.tls()));
    }
    this.server = builder.build();
  }

  private static SslContext sslContext(TlsKeyStore tls) {
    try {
      char[] password = tls.password().toCharArray();
      KeyStore keys = KeyStore.getInstance(tls.path().toFile(), password);
      KeyManagerFactory managers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, password);
      return GrpcSslContexts.configure(SslContextBuilder.forServer(managers)).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS keystore " + tls.path(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use the TLS keystore " + tls.path(), e);
    }
  }

  void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind the OTLP/gRPC port ("
              + e.getMessage()
              + "): --grpc-port chooses another, -1 serves none",
          e);
    }
  }

  /** Stops taking calls, lets calls in flight end (up to the shutdown timeout) and stops. */
  void stop() {
    server.shutdown();
    try {
      if (!server.awaitTermination(shutdownMillis, TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  int port() {
    return server.getPort();
  }
}
