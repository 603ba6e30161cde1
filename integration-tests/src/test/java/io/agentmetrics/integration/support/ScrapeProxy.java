package io.agentmetrics.integration.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pass-through in front of the metrics server's {@code /metrics} that pins the {@code Accept}
 * header per path, so that one Prometheus scrapes the same server in every exposition format (a
 * Prometheus 2.42 cannot be told which format to ask for; {@code scrape_protocols} came in 2.49).
 * Bodies are relayed unchanged with the server's {@code Content-Type}; for each path it records the
 * content type served and the {@code Accept} Prometheus sent.
 */
public final class ScrapeProxy implements AutoCloseable {

  /** The path that passes Prometheus' own {@code Accept} through unchanged. */
  public static final String NEGOTIATED = "/negotiated";

  private final HttpServer server;
  private final URI metrics;
  private final Map<String, String> acceptByPath;
  private final Map<String, Scrape> lastScrape = new ConcurrentHashMap<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ScrapeProxy(HttpServer server, URI metrics, Map<String, String> acceptByPath) {
    this.server = server;
    this.metrics = metrics;
    this.acceptByPath = Map.copyOf(acceptByPath);
  }

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param metrics the server's scrape URL
   * @param acceptByPath path (e.g. {@code /text}) to the {@code Accept} header sent for it; {@link
   *     #NEGOTIATED} is added
   */
  public static ScrapeProxy start(URI metrics, Map<String, String> acceptByPath)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ScrapeProxy proxy = new ScrapeProxy(server, metrics, acceptByPath);
    for (String path : acceptByPath.keySet()) {
      server.createContext(path, exchange -> proxy.relay(exchange, path));
    }
    server.createContext(NEGOTIATED, exchange -> proxy.relay(exchange, NEGOTIATED));
    server.start();
    return proxy;
  }

  private void relay(HttpExchange exchange, String path) throws IOException {
    try (exchange) {
      String prometheusAccept = exchange.getRequestHeaders().getFirst("Accept");
      String accept = acceptByPath.getOrDefault(path, prometheusAccept);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET();
      if (accept != null) {
        request.header("Accept", accept);
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      lastScrape.put(path, new Scrape(String.valueOf(prometheusAccept), contentType));
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.sendResponseHeaders(response.statusCode(), response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  /** The loopback port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The last scrape relayed on {@code path}, if any. */
  public Optional<Scrape> lastScrape(String path) {
    return Optional.ofNullable(lastScrape.get(path));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * One relayed scrape.
   *
   * @param prometheusAccept the {@code Accept} header Prometheus sent
   * @param contentType the {@code Content-Type} the server answered with
   */
  public record Scrape(String prometheusAccept, String contentType) {}
}
