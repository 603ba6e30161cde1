package io.agentmetrics.integration.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of Prometheus' HTTP API the scenarios read: instant queries, targets, rules and alerts.
 * VictoriaMetrics answers the same query API.
 */
public final class PrometheusApi {

  private final URI base;

  /** A client of the Prometheus (or Prometheus-compatible) server at {@code base}. */
  public PrometheusApi(URI base) {
    this.base = base;
  }

  /** Its base URL. */
  public URI uri() {
    return base;
  }

  /** The result vector of an instant query at the current time. */
  public List<JsonNode> query(String promql) {
    JsonNode body =
        Http.getJson(
            base.resolve(
                "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    if (!"success".equals(body.path("status").asText())) {
      throw new AssertionError("query " + promql + " failed: " + body);
    }
    List<JsonNode> result = new ArrayList<>();
    body.at("/data/result").forEach(result::add);
    return result;
  }

  /** The active scrape targets ({@code /api/v1/targets}). */
  public List<JsonNode> activeTargets() {
    List<JsonNode> targets = new ArrayList<>();
    Http.getJson(base.resolve("/api/v1/targets?state=active"))
        .at("/data/activeTargets")
        .forEach(targets::add);
    return targets;
  }

  /** The rule groups ({@code /api/v1/rules}). */
  public List<JsonNode> ruleGroups() {
    List<JsonNode> groups = new ArrayList<>();
    Http.getJson(base.resolve("/api/v1/rules")).at("/data/groups").forEach(groups::add);
    return groups;
  }

  /** The alerts Prometheus holds, pending or firing ({@code /api/v1/alerts}). */
  public List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    Http.getJson(base.resolve("/api/v1/alerts")).at("/data/alerts").forEach(alerts::add);
    return alerts;
  }
}
