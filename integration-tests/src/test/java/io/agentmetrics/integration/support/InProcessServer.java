package io.agentmetrics.integration.support;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The real {@link MetricsServer}, started in this JVM through its builder on 127.0.0.1 and a free
 * port, recording through a {@link MicrometerAgentMetrics} into a {@link PrometheusMeterRegistry};
 * with a {@link HttpClient} (HTTP/1.1, keep-alive) to call it.
 */
public final class InProcessServer implements AutoCloseable {

  public static final String NDJSON = "application/x-ndjson";
  public static final String JSON = "application/json";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricsServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public InProcessServer(UnaryOperator<MetricsServer.Builder> options) {
    MetricsServer.Builder builder =
        MetricsServer.builder()
            .host("127.0.0.1")
            .port(0)
            .grpcPort(0)
            .registry(registry)
            .metrics(MicrometerAgentMetrics.builder(registry).build());
    this.server = options.apply(builder).build().start();
  }

  public InProcessServer() {
    this(builder -> builder);
  }

  /** The OTLP/gRPC endpoint, {@code http://127.0.0.1:port}. */
  public URI grpcUri() {
    return URI.create("http://127.0.0.1:" + server.grpcPort());
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
  }

  /** Posts {@code body} to the ingest API with {@code contentType}. */
  public HttpResponse<String> post(String contentType, byte[] body) throws IOException {
    return send(
        request(MetricsServer.EVENTS_PATH)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Posts UTF-8 {@code body} to the ingest API with {@code contentType}. */
  public HttpResponse<String> post(String contentType, String body) throws IOException {
    return post(contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  public HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The current text scrape, parsed. */
  public TextScrape scrape() throws IOException {
    HttpResponse<String> response = send(request("/metrics").GET().build());
    if (response.statusCode() != 200) {
      throw new IOException("scrape answered " + response.statusCode() + ": " + response.body());
    }
    return new TextScrape(response.body());
  }

  @Override
  public void close() {
    server.stop();
    registry.close();
  }
}
