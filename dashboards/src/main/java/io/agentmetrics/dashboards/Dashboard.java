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

  /** Grafana's plugin type of the Prometheus data source. */
  public static final String PROMETHEUS = "prometheus";

  /** Grafana's plugin type of the Loki data source. */
  public static final String LOKI = "loki";

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

  /**
   * The plugin type of the data source a target runs on, e.g. {@code prometheus} or {@code loki}:
   * the target's own data source, else the panel's; a templated uid ({@code ${name}}) is resolved
   * through the data source variable of that name. Empty when neither says (Grafana's default data
   * source).
   */
  public String datasourceType(Panel panel, Target target) {
    JsonNode ref = target.datasource();
    return datasourceType(ref.isMissingNode() || ref.isNull() ? panel.datasource() : ref);
  }

  /**
   * Whether a target runs on Prometheus (or Grafana's default data source, Prometheus for these
   * dashboards): only such targets hold PromQL.
   */
  public boolean isPrometheus(Panel panel, Target target) {
    String type = datasourceType(panel, target);
    return type.isEmpty() || type.equals(PROMETHEUS);
  }

  private String datasourceType(JsonNode ref) {
    String uid = Variable.datasourceUid(ref);
    String name =
        uid.startsWith("${") && uid.endsWith("}")
            ? uid.substring(2, uid.length() - 1)
            : uid.startsWith("$") ? uid.substring(1) : "";
    Optional<Variable> templated =
        name.isEmpty()
            ? Optional.empty()
            : variable(name).filter(v -> v.type().equals("datasource"));
    if (templated.isPresent()) {
      return templated.get().query();
    }
    return ref.isObject() ? ref.path("type").asText("") : "";
  }

  /** The dashboard's links (to other dashboards or URLs). */
  public List<JsonNode> links() {
    List<JsonNode> links = new ArrayList<>();
    json.path("links").forEach(links::add);
    return links;
  }
}
