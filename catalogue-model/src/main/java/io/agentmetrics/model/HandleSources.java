package io.agentmetrics.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * metrics-core's typed handles ({@code MetricHandles}): for every labelled metric of the model, a
 * handle whose labels are named stages in the catalogue's order, {@code
 * handle.agent(a).evaluationName(e).evaluationScoreLabel(l)}, each stage its own type, so that a
 * label left out or given in the wrong place does not compile, and the name at the call site says
 * which value goes where. The stages are small immutable values (the JIT scalar-replaces them, as
 * for {@code LlmSeries}); the last one returns the meter from the family, in one lookup.
 */
final class HandleSources {

  private HandleSources() {}

  /** The Java source of {@code io.agentmetrics.core.MetricHandles}. */
  static String handles(JsonNode model) {
    StringBuilder classes = new StringBuilder();
    for (JsonNode section : model.path("sections")) {
      for (JsonNode metric : section.path("metrics")) {
        if (metric.path("labels").isEmpty() || metric.path("origin").asText().equals("jvm")) {
          continue;
        }
        classes.append(handle(metric));
      }
    }
    return "package io.agentmetrics.core;\n\n"
        + "import io.agentmetrics.api.MetricCatalogue;\n"
        + "import io.agentmetrics.api.MetricDefinition;\n"
        + "import io.micrometer.core.instrument.Counter;\n"
        + "import io.micrometer.core.instrument.DistributionSummary;\n"
        + "import io.micrometer.core.instrument.Timer;\n\n"
        + "/**\n"
        + " * Typed handles on the catalogue's labelled metrics: each label a named stage, in the\n"
        + " * catalogue's order, so that a label left out or out of place does not compile. Built on\n"
        + " * core's families (same cache and guards); counters, timers and summaries also on {@link\n"
        + " * GuardedMeters}, for code outside core.\n"
        + " *\n"
        + " * <p>GENERATED from the metrics of {@code metrics-api/src/main/model/catalogue.yaml} by"
        + " {@code\n"
        + " * io.agentmetrics.model.CatalogueGenerator}: change the model, not this file.\n"
        + " */\n"
        + "public final class MetricHandles {\n\n"
        + "  private MetricHandles() {}\n\n"
        + "  private static <M> MeterFamily<M> check(MeterFamily<M> family, MetricDefinition metric)"
        + " {\n"
        + "    if (family.metric() != metric) {\n"
        + "      throw new IllegalArgumentException(\n"
        + "          \"a handle of \" + metric.name() + \" on the family of \" +"
        + " family.metric().name());\n"
        + "    }\n"
        + "    return family;\n"
        + "  }\n"
        + classes
        + "}\n";
  }

  private static String handle(JsonNode metric) {
    String constant = metric.path("constant").asText();
    String name = JavaNames.className(constant);
    List<String> stages = new ArrayList<>();
    for (JsonNode label : metric.path("labels")) {
      stages.add(
          label.isTextual()
              ? JavaNames.camel(label.asText().toLowerCase(Locale.ROOT))
              : JavaNames.camel(label.path("key").asText()));
    }
    StringBuilder out = new StringBuilder();
    out.append("\n  /** {@code ")
        .append(metric.path("name").asText())
        .append("}, by ")
        .append(String.join(", then ", stages))
        .append(". */\n");
    String[] meter =
        switch (metric.path("type").asText()) {
          case "counter" -> new String[] {"Counter", "counters"};
          case "timer" -> new String[] {"Timer", "timers"};
          case "distribution_summary" -> new String[] {"DistributionSummary", "summaries"};
          default -> null;
        };
    if (meter != null) {
      out.append("  public static ")
          .append(name)
          .append('<')
          .append(meter[0])
          .append("> ")
          .append(Character.toLowerCase(name.charAt(0)))
          .append(name.substring(1))
          .append("(GuardedMeters meters) {\n    return new ")
          .append(name)
          .append("<>(meters.meters().")
          .append(meter[1])
          .append("(MetricCatalogue.")
          .append(constant)
          .append("));\n  }\n\n");
    }
    out.append("  public static final class ")
        .append(name)
        .append("<M> {\n    private final MeterFamily<M> family;\n\n    ")
        .append(name)
        .append("(MeterFamily<M> family) {\n      this.family = check(family, MetricCatalogue.")
        .append(constant)
        .append(");\n    }\n\n");
    // The handle's first stage, then one record per further stage.
    out.append(stage(stages, 0, "family", "    "));
    for (int i = 1; i < stages.size(); i++) {
      List<String> held = stages.subList(0, i);
      out.append("\n    /** The values up to {@code ")
          .append(stages.get(i - 1))
          .append("}. */\n    public record ")
          .append(stageType(stages.get(i - 1)))
          .append("<M>(MeterFamily<M> family, ")
          .append(String.join(", ", held.stream().map(s -> "String " + s).toList()))
          .append(") {\n")
          .append(stage(stages, i, "family", "      "))
          .append("    }\n");
    }
    return out.append("  }\n").toString();
  }

  /** The method that takes stage {@code i}'s value. */
  private static String stage(List<String> stages, int i, String family, String indent) {
    String label = stages.get(i);
    List<String> values = new ArrayList<>(stages.subList(0, i + 1));
    boolean last = i == stages.size() - 1;
    String returned = last ? "M" : stageType(label) + "<M>";
    String body =
        last
            ? family + ".get(" + String.join(", ", values) + ")"
            : "new " + stageType(label) + "<>(" + family + ", " + String.join(", ", values) + ")";
    return indent
        + "public "
        + returned
        + " "
        + label
        + "(String "
        + label
        + ") {\n"
        + indent
        + "  return "
        + body
        + ";\n"
        + indent
        + "}\n";
  }

  private static String stageType(String label) {
    return "By" + Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
