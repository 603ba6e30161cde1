package io.agentmetrics.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A dashboard template variable.
 *
 * @param json the variable's model
 */
public record Variable(JsonNode json) {

  /** Grafana's refresh setting "On time range change". */
  public static final int REFRESH_ON_TIME_RANGE_CHANGE = 2;

  /** The name used as {@code $name} in queries. */
  public String name() {
    return json.path("name").asText("");
  }

  /** The label shown on the dashboard. */
  public String label() {
    return json.path("label").asText("");
  }

  /** The type: query, datasource, custom, constant, interval, textbox ... */
  public String type() {
    return json.path("type").asText("");
  }

  /**
   * The query: the plugin type for a datasource variable, the PromQL or {@code label_values(..)}
   * text for a query variable (either a string or Grafana's {@code {"query": ..}} object).
   */
  public String query() {
    JsonNode query = json.path("query");
    if (query.isObject()) {
      return query.path("query").asText("");
    }
    return query.asText("");
  }

  /** The uid of the variable's data source; empty when not set. */
  public String datasourceUid() {
    return datasourceUid(json.path("datasource"));
  }

  /** Whether several values may be selected. */
  public boolean multi() {
    return json.path("multi").asBoolean(false);
  }

  /** Whether the "All" option is offered. */
  public boolean includeAll() {
    return json.path("includeAll").asBoolean(false);
  }

  /** The custom value used for "All"; empty when not set. */
  public String allValue() {
    JsonNode all = json.path("allValue");
    return all.isNull() ? "" : all.asText("");
  }

  /** When Grafana refreshes the values: 0 never, 1 on load, 2 on time range change. */
  public int refresh() {
    return json.path("refresh").asInt(0);
  }

  /** The static options (custom variables), without the "All" option. */
  public List<String> options() {
    List<String> values = new ArrayList<>();
    for (JsonNode option : json.path("options")) {
      String value = option.path("value").asText();
      if (!"$__all".equals(value)) {
        values.add(value);
      }
    }
    return values;
  }

  /** Reads a data source reference, either a plain uid/name string or {@code {"uid": ..}}. */
  static String datasourceUid(JsonNode datasource) {
    if (datasource.isObject()) {
      return datasource.path("uid").asText("");
    }
    return datasource.isTextual() ? datasource.asText() : "";
  }
}
