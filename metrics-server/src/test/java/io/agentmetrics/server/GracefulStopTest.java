package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** stop() lets a request in flight complete before the server goes away. */
class GracefulStopTest {

  @Test
  void aRequestInFlightCompletesDuringStop() throws Exception {
    TestServer server = new TestServer(b -> b.shutdownTimeout(Duration.ofSeconds(10)));
    byte[] body =
        "[{\"type\":\"cache\",\"cache\":\"c\",\"result\":\"hit\"}]"
            .getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10);
      out.flush();
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> server.scrape().contains("uri=\"/metrics\""));
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !server.server.isReady());
      // The client keeps uploading, slowly: 2 bytes every 100 ms, well past Jetty's 1 s idle cut.
      ScheduledExecutorService slowClient = Executors.newSingleThreadScheduledExecutor();
      AtomicInteger offset = new AtomicInteger(10);
      slowClient.scheduleAtFixedRate(
          () -> {
            int from = offset.getAndAdd(2);
            if (from < body.length) {
              try {
                out.write(body, from, Math.min(2, body.length - from));
                out.flush();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          },
          100,
          100,
          TimeUnit.MILLISECONDS);
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 202").contains("\"accepted\":1");
      slowClient.shutdownNow();
      stopping.get(15, TimeUnit.SECONDS);
    }
  }
}
