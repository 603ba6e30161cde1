package io.agentmetrics.benchmarks;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The real {@link MetricsServer} on a free loopback port in the benchmark's JVM, with an HTTP/1.1
 * client: what the HTTP benchmarks post to.
 */
final class LoopbackServer implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricsServer server;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The server with OTLP/gRPC off. */
  LoopbackServer() {
    this(-1);
  }

  private LoopbackServer(int grpcPort) {
    this.server =
        MetricsServer.builder()
            .host("127.0.0.1")
            .port(0)
            .grpcPort(grpcPort)
            .registry(registry)
            .metrics(MicrometerAgentMetrics.builder(registry).build())
            .build()
            .start();
  }

  /** The server with OTLP/gRPC on a free loopback port too. */
  static LoopbackServer withGrpc() {
    return new LoopbackServer(0);
  }

  /** The bound OTLP/gRPC port. */
  int grpcPort() {
    return server.grpcPort();
  }

  /** A POST of {@code body} as {@code contentType} to {@code path}. */
  HttpRequest post(String path, String contentType, byte[] body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  @Override
  public void close() {
    server.stop();
    registry.close();
  }
}
