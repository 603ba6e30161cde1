package io.agentmetrics.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet situations of {@code alerting/tests/situations.yaml}, each turned into a promtool test
 * file that loads every rule file together and asserts what the on-call engineer gets.
 *
 * <p>A situation has input series (promtool's notation; {@code {N}} in values stands for the number
 * of steps of the situation's duration) added to the file's {@code background} series unless it
 * says {@code background: false}, a duration, and expectations: {@code pages}, the exact set of
 * critical alerts that fire at any time; {@code tickets}, the exact set of warning alerts
 * (optional); {@code fires}, alerts that must fire within a time of a moment. The assertions query
 * the {@code ALERTS} series that Prometheus' rule engine writes, so they hold for every alert of
 * every file, not only the ones a test names.
 */
final class FleetSituations {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

  /** One situation: its name and the promtool test file written for it. */
  record Situation(String name, String kind, Path testFile) {
    @Override
    public String toString() {
      return kind + ": " + name;
    }
  }

  private FleetSituations() {}

  /** Writes one promtool test file per situation into {@code out}. */
  static List<Situation> write(Path situationsFile, Path rulesDir, Path out) {
    JsonNode root = RuleFiles.readYaml(situationsFile);
    List<Path> ruleFiles = RuleFiles.in(rulesDir);
    List<Situation> written = new ArrayList<>();
    try {
      Files.createDirectories(out);
      for (JsonNode situation : root.path("situations")) {
        String name = situation.path("name").asText();
        Path file = out.resolve(name + ".test.yaml");
        YAML.writeValue(file.toFile(), promtoolTest(situation, root.path("background"), ruleFiles));
        written.add(new Situation(name, situation.path("kind").asText(), file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write situations to " + out, e);
    }
    return written;
  }

  private static ObjectNode promtoolTest(
      JsonNode situation, JsonNode background, List<Path> ruleFiles) {
    ObjectNode test = PromtoolTestFiles.loading(ruleFiles, situation.path("interval").asText("1m"));

    ObjectNode group = test.putArray("tests").addObject();
    group.put("interval", situation.path("interval").asText("1m"));
    String duration = situation.path("duration").asText();
    long end = seconds(duration);
    long steps = end / seconds(situation.path("interval").asText("1m"));
    ArrayNode series = group.putArray("input_series");
    List<JsonNode> inputs = new ArrayList<>();
    if (situation.path("background").asBoolean(true)) {
      background.forEach(inputs::add);
    }
    situation.path("series").forEach(inputs::add);
    for (JsonNode input : inputs) {
      ObjectNode copy = series.addObject();
      copy.put("series", input.path("series").asText());
      copy.put("values", input.path("values").asText().replace("{N}", Long.toString(steps)));
    }
    ArrayNode checks = group.putArray("promql_expr_test");
    alertSet(checks, "critical", situation.path("pages"), duration);
    if (situation.has("tickets")) {
      alertSet(checks, "warning", situation.path("tickets"), duration);
    }
    for (JsonNode fires : situation.path("fires")) {
      long from = seconds(fires.path("from").asText("0s"));
      long within = seconds(fires.path("within").asText());
      ObjectNode check = checks.addObject();
      check.put(
          "expr",
          "min(min_over_time(timestamp(ALERTS{alertstate=\"firing\", alertname=\""
              + fires.path("alert").asText()
              + "\"})["
              + duration
              + ":1m])) - "
              + from
              + " <= bool "
              + within);
      check.put("eval_time", end + "s");
      check.putArray("exp_samples").addObject().put("labels", "{}").put("value", 1);
    }
    return test;
  }

  /** The alerts of a severity that fired at any time are exactly {@code names}. */
  private static void alertSet(ArrayNode checks, String severity, JsonNode names, String range) {
    ObjectNode check = checks.addObject();
    check.put(
        "expr",
        "group by (alertname) (max_over_time(ALERTS{alertstate=\"firing\", severity=\""
            + severity
            + "\"}["
            + range
            + "]))");
    check.put("eval_time", seconds(range) + "s");
    ArrayNode samples = check.putArray("exp_samples");
    for (JsonNode name : names) {
      samples.addObject().put("labels", "{alertname=\"" + name.asText() + "\"}").put("value", 1);
    }
  }

  static long seconds(String duration) {
    Matcher m = DURATION.matcher(duration);
    long total = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total +=
          switch (m.group(2)) {
            case "s" -> n;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n * 86400;
          };
      end = m.end();
    }
    if (end == 0 || end != duration.length()) {
      throw new IllegalArgumentException("not a duration: '" + duration + "'");
    }
    return total;
  }
}
