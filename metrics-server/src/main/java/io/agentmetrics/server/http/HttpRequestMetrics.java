package io.agentmetrics.server.http;

import io.agentmetrics.core.GuardedMeters;
import io.agentmetrics.core.MetricHandles;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Records {@code http.server.requests} as the catalogue defines it, with Micrometer's and Spring
 * Boot's labels (method, uri, status, outcome), through the same guard and cache as every catalogue
 * metric ({@link GuardedMeters}). The uri is the matched route template; a request no route serves
 * is recorded as {@value #UNMATCHED}, so random paths cannot create series, and a method outside
 * the catalogue's set becomes {@code _other}.
 */
final class HttpRequestMetrics implements RequestLogger {

  /** The uri label of requests that match no route. */
  static final String UNMATCHED = "unmatched";

  private final Set<String> routes;
  private final MetricHandles.HttpServerRequests<Timer> timers;

  HttpRequestMetrics(GuardedMeters meters, Set<String> routes) {
    this.routes = Set.copyOf(routes);
    this.timers = MetricHandles.httpServerRequests(meters);
  }

  @Override
  public void handle(Context ctx, Float executionTimeMs) {
    record(
        ctx.req().getMethod(),
        route(ctx),
        ctx.statusCode(),
        Math.round(executionTimeMs * 1_000_000d));
  }

  /** Records one request to {@code uri}, a bounded route name, answered {@code status}. */
  void record(String method, String uri, int status, long nanos) {
    timers
        .httpMethod(method)
        .httpUri(uri)
        .httpStatus(Integer.toString(status))
        .httpOutcome(outcome(status))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The class of a status, as Micrometer's {@code Outcome} names it. */
  static String outcome(int status) {
    return switch (status / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }

  private String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null && routes.contains(endpoint.path)) {
      return endpoint.path;
    }
    // 405s and CORS preflights match no GET/POST endpoint but concern a known route.
    return routes.contains(ctx.path()) ? ctx.path() : UNMATCHED;
  }
}
