package io.agentmetrics.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One panel of a dashboard.
 *
 * @param json the panel's model
 */
public record Panel(JsonNode json) {

  /** The panel id. */
  public int id() {
    return json.path("id").asInt();
  }

  /** The visualization type, e.g. {@code timeseries}. */
  public String type() {
    return json.path("type").asText("");
  }

  /** The title. */
  public String title() {
    return json.path("title").asText("");
  }

  /** The description shown in the panel's info tooltip. */
  public String description() {
    return json.path("description").asText("");
  }

  /** The panel's data source reference, e.g. {@code {"type": "prometheus", "uid": ..}}. */
  public JsonNode datasource() {
    return json.path("datasource");
  }

  /** The uid of the panel's data source, e.g. {@code ${datasource}}; empty when not set. */
  public String datasourceUid() {
    return Variable.datasourceUid(json.path("datasource"));
  }

  /** The default unit of the panel's fields; empty when not set. */
  public String unit() {
    return json.path("fieldConfig").path("defaults").path("unit").asText("");
  }

  /** Units set by field overrides. */
  public List<String> overrideUnits() {
    List<String> units = new ArrayList<>();
    for (JsonNode override : json.path("fieldConfig").path("overrides")) {
      for (JsonNode property : override.path("properties")) {
        if ("unit".equals(property.path("id").asText())) {
          units.add(property.path("value").asText(""));
        }
      }
    }
    return units;
  }

  /** Whether the panel has a {@code targets} array (even an empty one). */
  public boolean hasTargets() {
    return json.has("targets") && json.get("targets").isArray();
  }

  /** The panel's queries. */
  public List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    json.path("targets").forEach(t -> targets.add(new Target(t)));
    return targets;
  }

  /** The panel's relative time override, e.g. {@code 30d} or {@code now/d}; empty when not set. */
  public String timeFrom() {
    return json.path("timeFrom").asText("");
  }

  /** The panel's time shift, e.g. {@code 1d} or {@code 1d/d}; empty when not set. */
  public String timeShift() {
    return json.path("timeShift").asText("");
  }

  /** The panel's max data points; 0 when not set. */
  public int maxDataPoints() {
    return json.path("maxDataPoints").asInt(0);
  }

  /** The panel's min interval ({@code interval}); empty when not set. */
  public String interval() {
    return json.path("interval").asText("");
  }
}
