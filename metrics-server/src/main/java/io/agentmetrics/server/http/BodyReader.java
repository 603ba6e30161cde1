package io.agentmetrics.server.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request body with the servlet's non-blocking I/O, so that no thread waits while a slow
 * client sends it. The body must arrive whole within the deadline (408 otherwise), stay within the
 * size limit (413) and find room in the server-wide {@link BodyBudget} (503); a body cut short or
 * broken at the HTTP level (early EOF, a bad chunk) fails with 400. A body cut off or overdue
 * closes its connection; after 413 and 503 Jetty reads on what the client still sends, as long as
 * it arrives at once, so that the client sees the answer, and closes the connection otherwise.
 */
final class BodyReader {

  private static final int CHUNK = 16 * 1024;
  private static final Map<String, String> CLOSE = Map.of("Connection", "close");

  private final long maxBodyBytes;
  private final Duration deadline;
  private final BodyBudget budget;
  private final ScheduledExecutorService timer;

  BodyReader(
      long maxBodyBytes, Duration deadline, BodyBudget budget, ScheduledExecutorService timer) {
    this.maxBodyBytes = maxBodyBytes;
    this.deadline = deadline;
    this.budget = budget;
    this.timer = timer;
  }

  /**
   * Starts reading the body of {@code request} (already in async mode). The future completes with
   * the body, whose bytes stay reserved in the budget until {@link Body#release()}, or fails with
   * an {@link ApiException}.
   */
  CompletableFuture<Body> read(HttpServletRequest request) throws IOException {
    refuseDeclaredOversize(request);
    Reading reading = new Reading(request.getInputStream(), request.getContentLengthLong());
    ScheduledFuture<?> expiry =
        timer.schedule(reading::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
    reading.result.whenComplete((body, failure) -> expiry.cancel(false));
    request.getInputStream().setReadListener(reading);
    return reading.result;
  }

  /**
   * Refuses (413) a request whose declared {@code Content-Length} is over the limit. Called before
   * the request turns async, Jetty then reads on what the client still sends, as long as it arrives
   * at once, so that the client sees the answer instead of a reset connection.
   */
  void refuseDeclaredOversize(HttpServletRequest request) {
    if (request.getContentLengthLong() > maxBodyBytes) {
      throw tooLarge();
    }
  }

  /** A body read whole; its bytes count against the budget until released. */
  final class Body {
    private final byte[] bytes;
    private boolean released;

    private Body(byte[] bytes) {
      this.bytes = bytes;
    }

    byte[] bytes() {
      return bytes;
    }

    /** Gives the body's bytes back to the budget; idempotent. */
    synchronized void release() {
      if (!released) {
        released = true;
        budget.release(bytes.length);
      }
    }
  }

  /**
   * One body being read: the container calls it as data arrives, from one thread at a time. The
   * bytes land in chunks of {@value #CHUNK} and are copied once, into the body, at the end.
   */
  private final class Reading implements ReadListener {
    private final ServletInputStream in;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk;
    private int filled;
    private int length;
    private long reserved;

    Reading(ServletInputStream in, long declared) {
      this.in = in;
      this.chunk = new byte[(int) Math.min(Math.max(declared, 1), CHUNK)];
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!result.isDone() && in.isReady()) {
        if (filled == chunk.length) {
          full.add(chunk);
          chunk = new byte[CHUNK];
          filled = 0;
        }
        int n = in.read(chunk, filled, chunk.length - filled);
        if (n < 0 || !accept(n)) {
          return; // at the end, onAllDataRead follows
        }
        filled += n;
        length += n;
      }
    }

    /** Counts {@code n} more bytes against the limits; false when the body is refused. */
    private synchronized boolean accept(int n) {
      if (result.isDone()) {
        return false;
      }
      if (length + (long) n > maxBodyBytes) {
        fail(tooLarge());
        return false;
      }
      if (!budget.tryReserve(n)) {
        fail(
            new ApiException(
                503,
                "server_busy",
                "the server is buffering as many request bodies as it may ("
                    + budget.capacity()
                    + " bytes): retry shortly",
                Map.of("Retry-After", "1")));
        return false;
      }
      reserved += n;
      return true;
    }

    @Override
    public synchronized void onAllDataRead() {
      if (result.isDone()) {
        return;
      }
      byte[] body;
      if (full.isEmpty() && filled == chunk.length) {
        body = chunk;
      } else {
        body = new byte[length];
        int at = 0;
        for (byte[] part : full) {
          System.arraycopy(part, 0, body, at, part.length);
          at += part.length;
        }
        System.arraycopy(chunk, 0, body, at, filled);
      }
      full.clear();
      chunk = null;
      if (!result.complete(new Body(body))) {
        budget.release(reserved);
      }
    }

    @Override
    public void onError(Throwable failure) {
      fail(broken(failure, length));
    }

    void expire() {
      fail(
          new ApiException(
              408,
              "request_timeout",
              "the body did not arrive within "
                  + deadline.toSeconds()
                  + " s ("
                  + length
                  + " bytes received): nothing was recorded",
              CLOSE));
    }

    private synchronized void fail(ApiException e) {
      if (result.completeExceptionally(e)) {
        budget.release(reserved);
        reserved = 0;
      }
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        413, "payload_too_large", "the body exceeds the limit of " + maxBodyBytes + " bytes");
  }

  /** The answer to a body the connection broke off or that is not valid HTTP framing. */
  private static ApiException broken(Throwable failure, long received) {
    if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
      return new ApiException(
          408,
          "request_timeout",
          "the connection was idle while the body was arriving: nothing was recorded",
          CLOSE);
    }
    return new ApiException(
        400,
        "incomplete_body",
        "the body is incomplete or its HTTP framing is broken (a connection closed early, a bad"
            + " chunk) after "
            + received
            + " bytes: nothing was recorded",
        CLOSE);
  }
}
