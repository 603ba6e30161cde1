package io.agentmetrics.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits until a started process answers HTTP 200 on its readiness endpoint. */
final class Readiness {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration POLL = Duration.ofMillis(200);

  private Readiness() {}

  /**
   * Polls {@code url} until it answers 200; fails with the process's log when the process ends or
   * the deadline passes.
   */
  static void await(ManagedProcess process, URI url, Instant deadline) {
    int lastStatus = -1;
    String lastError = "no answer yet";
    while (true) {
      if (!process.isAlive()) {
        throw failure(process, url, "exited before it was ready");
      }
      try {
        HttpResponse<Void> response =
            CLIENT.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        lastStatus = response.statusCode();
        if (lastStatus == 200) {
          return;
        }
        lastError = "HTTP " + lastStatus;
      } catch (IOException e) {
        lastError = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalStackException("interrupted while waiting for " + process, e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw failure(process, url, "was not ready in time (last: " + lastError + ")");
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalStackException("interrupted while waiting", e);
    }
  }

  private static LocalStackException failure(ManagedProcess process, URI url, String what) {
    return new LocalStackException(
        process
            + " "
            + what
            + " at "
            + url
            + "\ncommand: "
            + String.join(" ", process.command())
            + "\nlog "
            + process.logFile()
            + ":\n"
            + process.logTail(30));
  }
}
