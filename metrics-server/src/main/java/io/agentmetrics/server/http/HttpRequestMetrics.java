package io.agentmetrics.server.http;

import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.Labels;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Records {@code http.server.requests} as the catalogue defines it: by method, route and status.
 * The route is the matched route template; a request no route serves is recorded as {@value
 * #UNMATCHED}, so random paths cannot create series.
 */
final class HttpRequestMetrics implements RequestLogger {

  /** The route label of requests that match no route. */
  static final String UNMATCHED = "unmatched";

  private static final MetricDefinition METRIC = MetricCatalogue.HTTP_SERVER_REQUESTS;

  private final MeterRegistry registry;
  private final Set<String> routes;
  private final Duration[] buckets;
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  HttpRequestMetrics(MeterRegistry registry, Set<String> routes) {
    this.registry = registry;
    this.routes = Set.copyOf(routes);
    this.buckets =
        METRIC.buckets().stream()
            .map(seconds -> Duration.ofNanos(Math.round(seconds * 1e9)))
            .toArray(Duration[]::new);
  }

  @Override
  public void handle(Context ctx, Float executionTimeMs) {
    String method = ctx.req().getMethod();
    if (!Labels.HTTP_METHOD.policy().allowedValues().contains(method)) {
      method = LabelPolicy.OVERFLOW_VALUE;
    }
    String route = route(ctx);
    String status = Integer.toString(ctx.statusCode());
    String key = method + ' ' + route + ' ' + status;
    Timer timer = timers.get(key);
    if (timer == null) {
      String tagMethod = method;
      timer = timers.computeIfAbsent(key, k -> register(tagMethod, route, status));
    }
    timer.record(Math.round(executionTimeMs * 1_000_000d), TimeUnit.NANOSECONDS);
  }

  private String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null && routes.contains(endpoint.path)) {
      return endpoint.path;
    }
    // 405s and CORS preflights match no GET/POST endpoint but concern a known route.
    return routes.contains(ctx.path()) ? ctx.path() : UNMATCHED;
  }

  private Timer register(String method, String route, String status) {
    return Timer.builder(METRIC.name())
        .description(METRIC.help())
        .tag(Labels.HTTP_METHOD.key(), method)
        .tag(Labels.HTTP_ROUTE.key(), route)
        .tag(Labels.HTTP_STATUS.key(), status)
        .serviceLevelObjectives(buckets)
        .register(registry);
  }
}
