package io.agentmetrics.integration.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiving end of Alertmanager's notifications: a JDK HTTP server on loopback that keeps every
 * webhook notification (Alertmanager's webhook JSON, version 4) it receives. Other payloads
 * (Slack's, PagerDuty's, which the stack also sends here so that nothing leaves the machine) are
 * counted, not kept.
 */
public final class AlertReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
  private final AtomicInteger otherPayloads = new AtomicInteger();

  private AlertReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts a receiver on a free loopback port. */
  public static AlertReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AlertReceiver receiver = new AlertReceiver(server);
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      byte[] bytes = body.readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      JsonNode payload;
      try {
        payload = Http.JSON.readTree(bytes);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      if (payload.has("groupKey") && payload.path("alerts").isArray()) {
        notifications.add(payload);
      } else {
        otherPayloads.incrementAndGet();
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /** The loopback port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Every webhook notification received so far, oldest first. */
  public List<JsonNode> notifications() {
    return List.copyOf(notifications);
  }

  /** How many non-webhook payloads (Slack, PagerDuty ...) arrived. */
  public int otherPayloads() {
    return otherPayloads.get();
  }

  /**
   * The alerts (each with its notification's receiver in {@code receiver}) of every notification
   * with status {@code status} ({@code firing} or {@code resolved}) whose labels include {@code
   * labels}.
   */
  public List<ReceivedAlert> alerts(String status, Map<String, String> labels) {
    List<ReceivedAlert> found = new ArrayList<>();
    for (JsonNode notification : notifications) {
      for (JsonNode alert : notification.path("alerts")) {
        if (status.equals(alert.path("status").asText()) && hasLabels(alert, labels)) {
          found.add(new ReceivedAlert(notification.path("receiver").asText(), alert));
        }
      }
    }
    return found;
  }

  private static boolean hasLabels(JsonNode alert, Map<String, String> labels) {
    return labels.entrySet().stream()
        .allMatch(e -> e.getValue().equals(alert.path("labels").path(e.getKey()).asText(null)));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * One alert of a notification.
   *
   * @param receiver the Alertmanager receiver that sent it
   * @param alert the alert (status, labels, annotations, startsAt, endsAt ...)
   */
  public record ReceivedAlert(String receiver, JsonNode alert) {}
}
