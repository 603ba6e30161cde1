package io.agentmetrics.server.http;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admits an OTLP/gRPC call as the HTTP port admits a body: the ingest credentials from the {@code
 * authorization} metadata (UNAUTHENTICATED otherwise); room for one message of the largest size in
 * the buffer budget shared with the HTTP port, held until the call ends (UNAVAILABLE otherwise,
 * which OTLP exporters retry); and the whole message within the body timeout (DEADLINE_EXCEEDED
 * otherwise, the call closed and its budget given back).
 */
final class GrpcAdmission implements ServerInterceptor {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final HttpAuth auth;
  private final BodyBudget budget;
  private final long maxMessageBytes;
  private final Duration timeout;
  private final ScheduledExecutorService deadlines;

  GrpcAdmission(
      HttpAuth auth,
      BodyBudget budget,
      long maxMessageBytes,
      Duration timeout,
      ScheduledExecutorService deadlines) {
    this.auth = auth;
    this.budget = budget;
    this.maxMessageBytes = maxMessageBytes;
    this.timeout = timeout;
    this.deadlines = deadlines;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    if (!auth.authorizes(headers.get(AUTHORIZATION))) {
      return refuse(
          call, Status.UNAUTHENTICATED.withDescription("missing or invalid ingest credentials"));
    }
    if (!budget.tryReserve(maxMessageBytes)) {
      return refuse(
          call,
          Status.UNAVAILABLE.withDescription(
              "the server holds as many request bytes as it may ("
                  + budget.capacity()
                  + "); retry later"));
    }
    OnceClosed<Q, A> guarded = new OnceClosed<>(call);
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            budget.release(maxMessageBytes);
          }
        };
    ScheduledFuture<?> late =
        deadlines.schedule(
            () -> {
              if (guarded.closeUnlessArrived(
                  Status.DEADLINE_EXCEEDED.withDescription(
                      "the request did not arrive whole within " + timeout.toMillis() + " ms"))) {
                release.run();
              }
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    ServerCall.Listener<Q> listener;
    try {
      listener = next.startCall(guarded, headers);
    } catch (RuntimeException e) {
      late.cancel(false);
      release.run();
      throw e;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        late.cancel(false);
        if (guarded.arrived()) {
          super.onMessage(message);
        }
      }

      @Override
      public void onHalfClose() {
        // A unary call is handled, and answered, within this: its room is free from here on, not
        // only once the transport reports the answer sent (a client's next call may come first).
        try {
          super.onHalfClose();
        } finally {
          release.run();
        }
      }

      @Override
      public void onCancel() {
        late.cancel(false);
        release.run();
        super.onCancel();
      }

      @Override
      public void onComplete() {
        late.cancel(false);
        release.run();
        super.onComplete();
      }
    };
  }

  private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {};
  }

  /**
   * A call the deadline timer and the call's own thread may both close: the first close wins and
   * everything sent after it is dropped.
   */
  private static final class OnceClosed<Q, A>
      extends ForwardingServerCall.SimpleForwardingServerCall<Q, A> {
    private boolean closed;
    private boolean arrived;

    OnceClosed(ServerCall<Q, A> call) {
      super(call);
    }

    /** Marks the message arrived; false when the call was closed as late before it did. */
    synchronized boolean arrived() {
      arrived = true;
      return !closed;
    }

    /** Closes the call with {@code status} unless its message arrived; whether it closed it. */
    synchronized boolean closeUnlessArrived(Status status) {
      if (arrived || closed) {
        return false;
      }
      closed = true;
      super.close(status, new Metadata());
      return true;
    }

    @Override
    public synchronized void sendHeaders(Metadata headers) {
      if (!closed) {
        super.sendHeaders(headers);
      }
    }

    @Override
    public synchronized void sendMessage(A message) {
      if (!closed) {
        super.sendMessage(message);
      }
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      if (!closed) {
        closed = true;
        super.close(status, trailers);
      }
    }

    @Override
    public synchronized void request(int count) {
      super.request(count);
    }
  }
}
