package io.agentmetrics.integration.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import io.agentmetrics.dashboards.Variable;
import io.agentmetrics.dashboards.doctor.QueryResult;
import io.agentmetrics.dashboards.doctor.TargetCheck;
import io.agentmetrics.dashboards.interpolate.TemplateInterpolator;
import io.agentmetrics.dashboards.interpolate.VariableValue;
import io.agentmetrics.integration.stack.Stack;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana's HTTP API as the scenarios use it: dashboard search and metadata, the default Prometheus
 * datasource, and panel queries through {@code POST /api/ds/query}, where Grafana's Prometheus
 * backend interpolates {@code $__rate_interval} and the other built-ins itself. Dashboard variables
 * are set to "All" here, as the Grafana frontend would before sending the query.
 */
public final class GrafanaApi {

  private final URI base;
  private final String authorization;

  /** A client of {@code grafana}, authenticated as its admin. */
  public GrafanaApi(Stack.Grafana grafana) {
    this.base = grafana.uri();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (grafana.user() + ":" + grafana.password()).getBytes(StandardCharsets.UTF_8));
  }

  /** The uids of every dashboard {@code /api/search} finds. */
  public List<String> searchDashboardUids() {
    List<String> uids = new ArrayList<>();
    get("/api/search?type=dash-db&limit=5000").forEach(hit -> uids.add(hit.path("uid").asText()));
    return uids;
  }

  /** {@code /api/dashboards/uid/{uid}}: the dashboard and its {@code meta}. */
  public JsonNode dashboard(String uid) {
    return get("/api/dashboards/uid/" + uid);
  }

  /** The uid of the default datasource of type prometheus. */
  public String defaultPrometheusUid() {
    for (JsonNode datasource : get("/api/datasources")) {
      if ("prometheus".equals(datasource.path("type").asText())
          && datasource.path("isDefault").asBoolean()) {
        return datasource.path("uid").asText();
      }
    }
    throw new AssertionError(
        "Grafana has no default Prometheus datasource: " + get("/api/datasources"));
  }

  /**
   * Runs every visible Prometheus panel target of {@code dashboards} through {@code /api/ds/query}
   * over the last 5 minutes, every variable at "All"; targets on other data sources (the overview's
   * Loki logs) are listed as skipped.
   */
  public List<TargetCheck> runPanelQueries(List<Dashboard> dashboards, String datasourceUid) {
    List<TargetCheck> checks = new ArrayList<>();
    for (Dashboard dashboard : dashboards) {
      Map<String, VariableValue> all = allValues(dashboard);
      for (Panel panel : dashboard.panels()) {
        for (Target target : panel.targets()) {
          if (target.hidden() || target.expr().isBlank()) {
            continue;
          }
          if (!dashboard.isPrometheus(panel, target)) {
            // LogQL for Loki, which the stack under test does not run: never sent to Prometheus.
            checks.add(
                TargetCheck.skipped(
                    dashboard.title(),
                    panel.title(),
                    target.refId(),
                    target.expr(),
                    dashboard.datasourceType(panel, target)));
            continue;
          }
          String expr = TemplateInterpolator.interpolate(target.expr(), all);
          checks.add(
              TargetCheck.of(
                  dashboard.title(),
                  panel.title(),
                  target.refId(),
                  expr,
                  query(panel, target, expr, datasourceUid)));
        }
      }
    }
    return checks;
  }

  private static Map<String, VariableValue> allValues(Dashboard dashboard) {
    Map<String, VariableValue> values = new LinkedHashMap<>();
    for (Variable variable : dashboard.variables()) {
      if (variable.includeAll() && !variable.allValue().isEmpty()) {
        values.put(variable.name(), VariableValue.allWithCustomValue(variable.allValue()));
      }
    }
    return values;
  }

  private QueryResult query(Panel panel, Target target, String expr, String datasourceUid) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("from", from(panel.timeFrom()));
    body.put("to", "now");
    ArrayNode queries = body.putArray("queries");
    ObjectNode query = queries.addObject();
    query.put("refId", target.refId());
    query.putObject("datasource").put("type", "prometheus").put("uid", datasourceUid);
    query.put("expr", expr);
    query.put("range", !target.instant());
    query.put("instant", target.instant());
    query.put("interval", target.interval().isEmpty() ? panel.interval() : target.interval());
    query.put("maxDataPoints", panel.maxDataPoints() > 0 ? panel.maxDataPoints() : 1000);
    HttpResponse<String> response =
        Http.postJson(
            base.resolve("/api/ds/query"), body.toString(), "Authorization", authorization);
    JsonNode result;
    try {
      result = Http.JSON.readTree(response.body()).path("results").path(target.refId());
    } catch (java.io.IOException e) {
      return QueryResult.failed("HTTP " + response.statusCode() + ": " + response.body());
    }
    if (response.statusCode() != 200 || result.has("error")) {
      return QueryResult.failed(
          "HTTP " + response.statusCode() + ": " + result.path("error").asText(response.body()));
    }
    int series = 0;
    for (JsonNode frame : result.path("frames")) {
      JsonNode values = frame.path("data").path("values");
      if (values.isArray() && values.size() > 0 && values.get(0).size() > 0) {
        series++;
      }
    }
    return QueryResult.ok(series);
  }

  /**
   * The panel's relative time as Grafana sends it: {@code 30d} means now-30d, {@code now/d} stays.
   */
  private static String from(String timeFrom) {
    if (timeFrom.isEmpty()) {
      return "now-5m";
    }
    return timeFrom.startsWith("now") ? timeFrom : "now-" + timeFrom;
  }

  private JsonNode get(String path) {
    return Http.getJson(base.resolve(path), "Authorization", authorization);
  }
}
