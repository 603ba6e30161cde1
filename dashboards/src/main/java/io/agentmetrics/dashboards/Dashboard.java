package io.agentmetrics.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Grafana dashboard read from its JSON model: the parts the linter and the doctor need.
 *
 * @param fileName the file it was read from
 * @param json the whole dashboard model
 */
public record Dashboard(String fileName, JsonNode json) {

  /** The dashboard's uid. */
  public String uid() {
    return json.path("uid").asText("");
  }

  /** The dashboard's title. */
  public String title() {
    return json.path("title").asText("");
  }

  /** Whether the dashboard is editable in Grafana (absent means editable). */
  public boolean editable() {
    return json.path("editable").asBoolean(true);
  }

  /** The tags of the dashboard. */
  public List<String> tags() {
    List<String> tags = new ArrayList<>();
    json.path("tags").forEach(tag -> tags.add(tag.asText()));
    return tags;
  }

  /** The template variables, in order. */
  public List<Variable> variables() {
    List<Variable> variables = new ArrayList<>();
    json.path("templating").path("list").forEach(v -> variables.add(new Variable(v)));
    return variables;
  }

  /** The variable with this name. */
  public Optional<Variable> variable(String name) {
    return variables().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Every panel, including those nested in collapsed rows; row panels themselves are skipped. */
  public List<Panel> panels() {
    List<Panel> panels = new ArrayList<>();
    for (JsonNode node : json.path("panels")) {
      if ("row".equals(node.path("type").asText())) {
        node.path("panels").forEach(nested -> panels.add(new Panel(nested)));
      } else {
        panels.add(new Panel(node));
      }
    }
    return panels;
  }

  /** The dashboard's links (to other dashboards or URLs). */
  public List<JsonNode> links() {
    List<JsonNode> links = new ArrayList<>();
    json.path("links").forEach(links::add);
    return links;
  }
}
