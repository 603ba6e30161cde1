package io.agentmetrics.server.http;

import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import java.util.Set;

/**
 * Records each OTLP/gRPC call in {@code http.server.requests} beside the OTLP/HTTP requests, so
 * that the push alerts read both: method {@code POST} (a gRPC call is an HTTP/2 POST), uri the
 * call's path ({@code /opentelemetry.proto.collector.trace.v1.TraceService/Export}; any other
 * method is {@value HttpRequestMetrics#UNMATCHED}), and status the one OTLP/HTTP answers for the
 * same outcome ({@link #httpStatus(Status.Code)}). A stream tracer sees every end, the transport's
 * own refusals (a message over the limit, a truncated frame) included.
 */
final class GrpcRequestMetrics extends ServerStreamTracer.Factory {

  private final HttpRequestMetrics requests;
  private final Set<String> methods;

  /** {@code methods}: the full names of the methods served, e.g. {@code pkg.Service/Export}. */
  GrpcRequestMetrics(HttpRequestMetrics requests, Set<String> methods) {
    this.requests = requests;
    this.methods = Set.copyOf(methods);
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    String uri =
        methods.contains(fullMethodName) ? "/" + fullMethodName : HttpRequestMetrics.UNMATCHED;
    long start = System.nanoTime();
    return new ServerStreamTracer() {
      @Override
      public void streamClosed(Status status) {
        requests.record("POST", uri, httpStatus(status.getCode()), System.nanoTime() - start);
      }
    };
  }

  /**
   * The OTLP/HTTP status of a gRPC outcome: the OTLP specification's pairs (400 and
   * INVALID_ARGUMENT, 401 and UNAUTHENTICATED, 413 and RESOURCE_EXHAUSTED for a message over the
   * limit, 503 and UNAVAILABLE), 408 for a request that did not arrive in time, 400 for one that
   * ended before it was whole (CANCELLED: a truncated frame, a client gone), 500 otherwise.
   */
  static int httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case INVALID_ARGUMENT, CANCELLED -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND, UNIMPLEMENTED -> 404;
      case DEADLINE_EXCEEDED -> 408;
      case RESOURCE_EXHAUSTED -> 413;
      case UNAVAILABLE -> 503;
      default -> 500;
    };
  }
}
