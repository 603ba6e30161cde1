package io.agentmetrics.dashboards.interpolate;

import java.util.Map;

/**
 * Turns a panel query into the PromQL Grafana sends to Prometheus: dashboard variables first (as
 * the frontend does), then the built-in interval and range variables (as the Prometheus backend
 * does).
 */
public final class QueryInterpolator {

  private QueryInterpolator() {}

  /** The query as Grafana would run it, with its step. */
  public static InterpolatedQuery interpolate(
      String expr, Map<String, VariableValue> variables, QueryOptions options) {
    BuiltInVariables builtIns = BuiltInVariables.compute(options);
    String withVariables = TemplateInterpolator.interpolate(expr, variables);
    return new InterpolatedQuery(builtIns.apply(withVariables), builtIns.step());
  }

  /**
   * A query ready for Prometheus.
   *
   * @param expr the PromQL
   * @param step the query_range step
   */
  public record InterpolatedQuery(String expr, java.time.Duration step) {}
}
