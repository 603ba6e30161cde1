package io.agentmetrics.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.integration.support.InProcessServer;
import io.agentmetrics.server.MetricsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The slow-body attack: {@value #SLOW_BODIES} connections (more than the server's 250 HTTP threads)
 * each declare a 100,000-byte body on {@code POST /api/v1/events}, with no credentials, and send it
 * one byte a second. Meanwhile {@code /healthz}, {@code /readyz} and {@code /metrics} must answer
 * within 100 ms at the 99th percentile; at the body deadline every slow body gets its 408 and its
 * connection is closed. Loopback only; about 10 s. Latencies in {@code
 * target/reliability-slow-bodies.md}.
 */
class SlowBodyIT {

  private static final int SLOW_BODIES = 300;
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(6);
  private static final Duration MEASURE = Duration.ofSeconds(4);

  @Test
  void slowBodiesHoldNoThreadAndTheProbesKeepAnswering() throws Exception {
    List<Socket> slow = new ArrayList<>();
    Map<String, Latencies> probes = new TreeMap<>();
    try (InProcessServer server = new InProcessServer(b -> b.bodyTimeout(BODY_TIMEOUT))) {
      try {
        for (int i = 0; i < SLOW_BODIES; i++) {
          Socket socket = new Socket("127.0.0.1", server.uri("/").getPort());
          socket.setSoTimeout(15_000);
          OutputStream out = socket.getOutputStream();
          out.write(
              ("POST "
                      + MetricsServer.EVENTS_PATH
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 100000\r\n\r\n[")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          slow.add(socket);
        }
        Thread trickle = new Thread(() -> trickle(slow), "slow-bodies");
        trickle.setDaemon(true);
        trickle.start();

        for (String path : List.of("/healthz", "/readyz", "/metrics")) {
          probes.put(path, new Latencies("GET " + path));
        }
        long end = System.nanoTime() + MEASURE.toNanos();
        while (System.nanoTime() < end) {
          for (Map.Entry<String, Latencies> probe : probes.entrySet()) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                server.send(
                    server.request(probe.getKey()).timeout(Duration.ofSeconds(5)).GET().build());
            probe.getValue().add(System.nanoTime() - start);
            assertThat(response.statusCode()).as(probe.getKey()).isEqualTo(200);
          }
        }

        int timedOut = 0;
        for (Socket socket : slow) {
          String answer = readAnswer(socket);
          if (answer.startsWith("HTTP/1.1 408") && answer.contains("\"request_timeout\"")) {
            timedOut++;
          }
        }
        assertThat(timedOut).as("slow bodies answered 408 at the deadline").isEqualTo(SLOW_BODIES);
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
      assertThat(
              server
                  .scrape()
                  .sum("http_server_requests_seconds_count", k -> k.contains("status=\"408\"")))
          .isEqualTo(SLOW_BODIES);
    }

    StringBuilder report =
        new StringBuilder("## Slow bodies\n\n")
            .append(SLOW_BODIES)
            .append(" connections each trickle a 100,000-byte body at one byte a second; body")
            .append(" deadline ")
            .append(BODY_TIMEOUT.toSeconds())
            .append(" s. Probe latencies meanwhile (ms):\n\n")
            .append(
                "| request | count | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
    probes.values().forEach(latencies -> report.append(latencies.row()).append('\n'));
    Reports.write("reliability-slow-bodies.md", report.toString());
    probes.forEach(
        (path, latencies) ->
            assertThat(latencies.percentileMillis(99)).as(path + " p99 (ms)").isLessThan(100));
  }

  /** One more byte of JSON white space on every open slow body, every second. */
  private static void trickle(List<Socket> sockets) {
    while (!Thread.currentThread().isInterrupted()) {
      boolean anyOpen = false;
      for (Socket socket : sockets) {
        try {
          socket.getOutputStream().write(' ');
          socket.getOutputStream().flush();
          anyOpen = true;
        } catch (IOException e) {
          // answered and closed by the server
        }
      }
      if (!anyOpen) {
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String readAnswer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    StringBuilder answer = new StringBuilder();
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // keep what arrived
    }
    return answer.toString();
  }
}
