package io.agentmetrics.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Writes and runs the promtool test files that the generated tests (situations, docs) make. */
final class PromtoolTestFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PromtoolTestFiles() {}

  /**
   * The head of a test file that loads {@code ruleFiles}: their absolute paths, the evaluation
   * interval, and every recording group before every alert group, so that alerts read the values
   * recorded at the same step (promtool's group order is random otherwise).
   */
  static ObjectNode loading(List<Path> ruleFiles, String evaluationInterval) {
    ObjectNode test = YAML.createObjectNode();
    ArrayNode files = test.putArray("rule_files");
    ruleFiles.forEach(f -> files.add(f.toAbsolutePath().toString()));
    test.put("evaluation_interval", evaluationInterval);
    ArrayNode order = test.putArray("group_eval_order");
    List<String> groups =
        ruleFiles.stream()
            .flatMap(f -> RuleFiles.read(f).stream())
            .map(Rule::group)
            .distinct()
            .toList();
    groups.stream().filter(g -> !g.endsWith(".alerts")).forEach(order::add);
    groups.stream().filter(g -> g.endsWith(".alerts")).forEach(order::add);
    return test;
  }

  /** Writes {@code test} to {@code file}. */
  static Path write(ObjectNode test, Path file) {
    try {
      YAML.writeValue(file.toFile(), test);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Runs {@code promtool test rules} on one file. */
  static NativeTool.Result run(Path file) {
    Path promtool = NativeTool.require("promtool", "prometheus");
    return NativeTool.run(List.of(promtool.toString(), "test", "rules", file.toString()), null);
  }
}
