package io.agentmetrics.server;

import io.agentmetrics.core.MicrometerAgentMetrics;
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

/** A real {@link MetricsServer} on 127.0.0.1 and a free port, with an HTTP client for it. */
final class TestServer implements AutoCloseable {

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final MetricsServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A server recording into a real MicrometerAgentMetrics on {@link #registry}. */
  TestServer(UnaryOperator<MetricsServer.Builder> options) {
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
    this.server =
        options
            .apply(
                MetricsServer.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .registry(registry)
                    .metrics(metrics))
            .build()
            .start();
  }

  TestServer() {
    this(b -> b);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> postEvents(String contentType, String body) {
    return send(
        request(MetricsServer.EVENTS_PATH)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** The text scrape, as Prometheus text 0.0.4. */
  String scrape() {
    return get("/metrics").body();
  }

  /** Waits (20 s at most) until the scrape has one sample {@code name} with these labels. */
  void awaitSample(String name, String... labels) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> new Scrape(scrape()).find(name, labels).size() == 1);
  }

  @Override
  public void close() {
    server.stop();
    registry.close();
  }
}
