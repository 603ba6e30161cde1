package io.agentmetrics.server.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * broken at the HTTP level (early EOF, a bad chunk) fails with 400 and closes its connection, as
 * does an overdue one.
 *
 * <p>A body refused for its size, for want of room, or for what its head says (415) is answered at
 * once, and then what the client still sends is read and thrown away, up to {@link
 * ServerSettings#REFUSED_BODY_DRAIN_BYTES} and within the deadline, before the exchange ends:
 * closing a connection with unread bytes makes the kernel reset it, which loses the answer in the
 * client's buffer, and an exporter would see a network error instead of a 413. Jetty alone only
 * reads on what has already arrived.
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
   * an {@link ApiException} for the caller to answer, or with {@link Answered} once a refusal has
   * been answered here and the body drained.
   */
  CompletableFuture<Body> read(HttpServletRequest request, HttpServletResponse response) {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      return refuse(request, response, tooLarge());
    }
    return start(request, new Reading(response, declared));
  }

  /**
   * Refuses {@code request} (already in async mode) with {@code refusal}: answers it at once and
   * reads what is left of the body before the future fails with {@link Answered}. A body declared
   * larger than can be drained is refused with {@code Connection: close} by the caller instead.
   */
  CompletableFuture<Body> refuse(
      HttpServletRequest request, HttpServletResponse response, ApiException refusal) {
    if (request.getContentLengthLong() > maxBodyBytes + ServerSettings.REFUSED_BODY_DRAIN_BYTES) {
      return CompletableFuture.failedFuture(closing(refusal));
    }
    Reading reading = new Reading(response, 0);
    reading.refuse(refusal);
    return start(request, reading);
  }

  private CompletableFuture<Body> start(HttpServletRequest request, Reading reading) {
    try {
      reading.in = request.getInputStream();
      ScheduledFuture<?> expiry =
          timer.schedule(reading::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
      reading.result.whenComplete((body, failure) -> expiry.cancel(false));
      reading.in.setReadListener(reading);
    } catch (IOException | RuntimeException e) {
      reading.result.completeExceptionally(e);
    }
    return reading.result;
  }

  /**
   * The end of a request whose refusal was answered by the reader itself: there is nothing left to
   * write. Without a stack trace, as it is no fault.
   */
  static final class Answered extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Answered() {
      super("answered while the body was drained", null, false, false);
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
    private ServletInputStream in; // set before the listener is, read by the container after
    private final HttpServletResponse response;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk;
    private int filled;
    private int length;
    private long reserved;
    private boolean draining;
    private long drained;

    Reading(HttpServletResponse response, long declared) {
      this.response = response;
      this.chunk = new byte[(int) Math.min(Math.max(declared, 1), CHUNK)];
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!result.isDone() && in.isReady()) {
        if (draining) {
          if (!drain()) {
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
          continue; // refused: drained from here on, or done
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
        refuse(tooLarge());
        return false;
      }
      if (!budget.tryReserve(n)) {
        refuse(
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

    /**
     * Answers {@code refusal} now, gives back what the body holds, and reads on to throw the rest
     * away.
     */
    synchronized void refuse(ApiException refusal) {
      if (result.isDone() || draining) {
        return;
      }
      draining = true;
      budget.release(reserved);
      reserved = 0;
      full.clear();
      chunk = new byte[CHUNK];
      try {
        JsonResponses.answerNow(response, refusal);
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(new Answered()); // the client has gone: nothing to answer
      }
    }

    /** Reads and throws away what has arrived; false once the drain has ended. */
    private boolean drain() throws IOException {
      int n = in.read(chunk, 0, chunk.length);
      if (n < 0) {
        return false; // at the end, onAllDataRead follows
      }
      drained += n;
      if (drained > ServerSettings.REFUSED_BODY_DRAIN_BYTES) {
        result.completeExceptionally(new Answered()); // Jetty closes the connection
        return false;
      }
      return true;
    }

    @Override
    public synchronized void onAllDataRead() {
      if (result.isDone()) {
        return;
      }
      if (draining) {
        result.completeExceptionally(new Answered());
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

    /**
     * Fails the read with {@code e}, or ends a drain (its answer is sent) with {@link Answered}.
     */
    private synchronized void fail(ApiException e) {
      if (draining) {
        result.completeExceptionally(new Answered());
      } else if (result.completeExceptionally(e)) {
        budget.release(reserved);
        reserved = 0;
      }
    }
  }

  private static ApiException closing(ApiException refusal) {
    Map<String, String> headers = new HashMap<>(refusal.headers());
    headers.putAll(CLOSE);
    return new ApiException(refusal.status(), refusal.error(), refusal.getMessage(), headers);
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
