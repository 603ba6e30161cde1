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
 * broken at the HTTP level (early EOF, a bad chunk) fails with 400. A body over the size limit is
 * read on and dropped, up to {@link #drainLimit()}, before the 413 goes out, so that a sender still
 * writing it reads the answer rather than a reset connection (only a body declared or sent beyond
 * that bound is cut off, with its connection closed). A body cut off or overdue closes its
 * connection; after 503 Jetty reads on what the client still sends, as long as it arrives at once.
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
   * Refuses (413, closing the connection) a request whose declared {@code Content-Length} is beyond
   * what the server drains ({@link #drainLimit()}); a smaller body over the limit is drained by
   * {@link #read} before its 413. Called before the request turns async.
   */
  void refuseDeclaredOversize(HttpServletRequest request) {
    if (request.getContentLengthLong() > drainLimit()) {
      throw tooLarge(CLOSE);
    }
  }

  /**
   * How much of a body over the limit is read and dropped before the 413: four times the limit, and
   * at least 16 MiB (an SDK batch with captured prompts), so that the sender reads the answer.
   */
  long drainLimit() {
    return Math.max(4 * maxBodyBytes, 16L * 1024 * 1024);
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
    // Set once the body is over the limit: the rest is read into scratch and dropped.
    private byte[] scratch;
    private long drained;

    Reading(ServletInputStream in, long declared) {
      this.in = in;
      this.chunk = new byte[(int) Math.min(Math.max(declared, 1), CHUNK)];
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!result.isDone() && in.isReady()) {
        if (scratch != null) {
          int n = in.read(scratch);
          if (n < 0) {
            return; // at the end, onAllDataRead answers 413
          }
          drained += n;
          if (drained > drainLimit()) {
            fail(tooLarge(CLOSE));
            return;
          }
          continue;
        }
        if (filled == chunk.length) {
          full.add(chunk);
          chunk = new byte[CHUNK];
          filled = 0;
        }
        int n = in.read(chunk, filled, chunk.length - filled);
        if (n < 0) {
          return; // at the end, onAllDataRead follows
        }
        if (!accept(n)) {
          if (scratch != null) {
            continue; // over the limit: drain the rest
          }
          return;
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
        startDraining(length + (long) n);
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

    /** The body is over the limit: keep nothing of it, read on and drop the rest. */
    private void startDraining(long received) {
      budget.release(reserved);
      reserved = 0;
      full.clear();
      chunk = null;
      scratch = new byte[CHUNK];
      drained = received;
    }

    @Override
    public synchronized void onAllDataRead() {
      if (result.isDone()) {
        return;
      }
      if (scratch != null) {
        fail(tooLarge()); // drained whole: the connection stays usable
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
    return tooLarge(Map.of());
  }

  private ApiException tooLarge(Map<String, String> headers) {
    return new ApiException(
        413,
        "payload_too_large",
        "the body exceeds the limit of " + maxBodyBytes + " bytes",
        headers);
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
