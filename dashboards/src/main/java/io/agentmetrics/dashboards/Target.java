package io.agentmetrics.dashboards;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One query of a panel.
 *
 * @param json the target's model
 */
public record Target(JsonNode json) {

  /** The query's reference id, e.g. {@code A}. */
  public String refId() {
    return json.path("refId").asText("");
  }

  /** The query: PromQL for a Prometheus target, LogQL for a Loki target. */
  public String expr() {
    return json.path("expr").asText("");
  }

  /** The query's min step ({@code interval}); empty when not set. */
  public String interval() {
    return json.path("interval").asText("");
  }

  /** Whether the query is an instant query. */
  public boolean instant() {
    return json.path("instant").asBoolean(false);
  }

  /** The target's own data source reference; a missing node when the panel's applies. */
  public JsonNode datasource() {
    return json.path("datasource");
  }

  /** Whether the query is hidden (not run). */
  public boolean hidden() {
    return json.path("hide").asBoolean(false);
  }
}
