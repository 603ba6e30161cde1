package io.agentmetrics.dashboards.interpolate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import io.agentmetrics.dashboards.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's interpolation against Grafana's own: every target and variable query of every
 * bundled dashboard, and every variable format, across the variable scenarios below, interpolated
 * by {@code @grafana/scenes} and {@code @grafana/prometheus} (the stack's Grafana 12.4, run in
 * Node.js from {@code src/test/node/grafana-interpolation}) and by {@link TemplateInterpolator}; no
 * difference is allowed.
 */
class GrafanaDifferentialIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every format of Grafana's format registry but {@code date}, which formats timestamps. */
  static final List<String> FORMATS =
      List.of(
          "lucene",
          "raw",
          "regex",
          "pipe",
          "distributed",
          "csv",
          "html",
          "json",
          "percentencode",
          "singlequote",
          "doublequote",
          "sqlstring",
          "join",
          "join:;",
          "glob",
          "text",
          "queryparam",
          "customqueryparam",
          "customqueryparam:name:pre",
          "uriencode",
          "unknownformat");

  /** A variable's current value in one scenario. */
  record Scenario(
      String name,
      boolean multi,
      boolean includeAll,
      boolean keepAllValue,
      List<String> values,
      boolean all) {}

  static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("one value", true, true, true, List.of("agent-1.prod"), false),
          new Scenario(
              "several values with regex metacharacters and $",
              true,
              true,
              true,
              List.of("a$b", "c.d|e", "(f)*", "g\\h", "it's", "x y"),
              false),
          new Scenario("All with the custom all value", true, true, true, List.of(), true),
          new Scenario("All without a custom all value", true, true, false, List.of(), true),
          new Scenario(
              "a single-value variable", false, false, false, List.of("it's a$b\\c.d"), false));

  /** The options of every variable: "All" without a custom all value means all of them. */
  static final List<String> OPTIONS =
      List.of("agent-1.prod", "a$b", "c.d|e", "(f)*", "g\\h", "it's", "x y");

  record Case(String id, String expr, Map<String, VariableValue> variables, ObjectNode json) {}

  @Test
  void everyQueryAndFormatInterpolatesAsGrafanaDoes(@TempDir Path dir) throws Exception {
    Path oracle = oracle();
    List<Case> cases = cases();
    Path input = dir.resolve("cases.json");
    Path output = dir.resolve("results.json");
    ObjectNode request = JSON.createObjectNode();
    ArrayNode array = request.putArray("cases");
    cases.forEach(c -> array.add(c.json()));
    Map<String, String> ours = new LinkedHashMap<>();
    cases.forEach(c -> ours.put(c.id(), TemplateInterpolator.interpolate(c.expr(), c.variables())));
    TimeCases.add(request, ours);
    JSON.writeValue(input.toFile(), request);

    NativeTool.Result run =
        NativeTool.run(
            List.of(
                NativeTool.require("node", "nodejs").toString(),
                oracle.resolve("interpolate.bundle.mjs").toString(),
                input.toString(),
                output.toString()),
            null);
    assertThat(run.exitCode()).as(run.output()).isZero();

    Map<String, JsonNode> grafana = new LinkedHashMap<>();
    JSON.readTree(output.toFile()).forEach(r -> grafana.put(r.path("id").asText(), r));
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> c : ours.entrySet()) {
      JsonNode result = grafana.get(c.getKey());
      assertThat(result).as(c.getKey()).isNotNull();
      assertThat(result.has("error"))
          .as(c.getKey() + ": " + result.path("error").asText())
          .isFalse();
      String theirs = result.path("result").asText();
      if (!c.getValue().equals(theirs)) {
        differences.add(c.getKey() + "\n    grafana: " + theirs + "\n    ours:    " + c.getValue());
      }
    }
    assertThat(cases).hasSizeGreaterThan(500);
    assertThat(ours).hasSizeGreaterThan(cases.size() + 400);
    assertThat(differences).as("%d of %d cases differ", differences.size(), ours.size()).isEmpty();
  }

  /** Where the build installed the oracle ({@code npm ci} and its esbuild bundle). */
  private static Path oracle() {
    Path dir =
        Path.of(
            System.getProperty("agentmetrics.grafanaOracle", "target/node/grafana-interpolation"));
    assertThat(dir.resolve("interpolate.bundle.mjs"))
        .as("the Grafana oracle is built by the dashboards module's pre-integration-test phase")
        .exists();
    return dir;
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Scenario scenario : SCENARIOS) {
      for (Dashboard d : Dashboards.loadAll()) {
        List<Variable> variables =
            d.variables().stream().filter(v -> v.type().equals("query")).toList();
        for (Variable v : variables) {
          cases.add(
              newCase(
                  d.uid() + " $" + v.name() + " query / " + scenario.name(),
                  v.query(),
                  variables,
                  scenario));
        }
        for (Panel p : d.panels()) {
          for (Target t : p.targets()) {
            if (d.isPrometheus(p, t) && !t.expr().isEmpty()) {
              cases.add(
                  newCase(
                      d.uid() + " " + p.title() + " " + t.refId() + " / " + scenario.name(),
                      t.expr(),
                      variables,
                      scenario));
            }
          }
        }
      }
      Variable job = Dashboards.load("agents-overview.json").variable("job").orElseThrow();
      for (String format : FORMATS) {
        cases.add(
            newCase(
                "format " + format + " / " + scenario.name(),
                "${job:" + format + "} [[job:" + format.split(":")[0] + "]] $job ${job}",
                List.of(job),
                scenario));
      }
    }
    return cases;
  }

  private static Case newCase(String id, String expr, List<Variable> variables, Scenario s) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", id);
    json.put("expr", expr);
    json.put("prometheus", true);
    ArrayNode vars = json.putArray("variables");
    Map<String, VariableValue> values = new LinkedHashMap<>();
    for (Variable v : variables) {
      String allValue = s.keepAllValue() ? v.allValue() : "";
      ObjectNode var = vars.addObject();
      var.put("name", v.name());
      var.put("multi", s.multi());
      var.put("includeAll", s.includeAll());
      if (allValue.isEmpty()) {
        var.putNull("allValue");
      } else {
        var.put("allValue", allValue);
      }
      OPTIONS.forEach(var.putArray("options")::add);
      if (s.all()) {
        var.put("value", "$__all");
        values.put(v.name(), new VariableValue(OPTIONS, true, allValue, s.multi(), s.includeAll()));
      } else if (!s.multi()) {
        var.put("value", s.values().get(0));
        values.put(v.name(), new VariableValue(s.values(), false, allValue, false, false));
      } else {
        s.values().forEach(var.putArray("value")::add);
        values.put(v.name(), new VariableValue(s.values(), false, allValue, true, s.includeAll()));
      }
    }
    return new Case(id, expr, values, json);
  }
}
