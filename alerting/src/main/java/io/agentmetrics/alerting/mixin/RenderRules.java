package io.agentmetrics.alerting.mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the rule templates: {@code [--config FILE]... [--templates DIR] [--runbooks FILE] [--out
 * DIR]}, by default {@code alerting/mixin/config.yaml}, {@code alerting/mixin/rules} and {@code
 * docs/runbooks.md} into {@code alerting/rules} of the repository given by {@code --repo} (the
 * current directory otherwise).
 */
public final class RenderRules {

  private RenderRules() {}

  /** Entry point of {@code ./mvnw -pl alerting exec:java}. */
  public static void main(String[] args) {
    Path repo = Path.of(".");
    List<Path> configs = new ArrayList<>();
    Path templates = null;
    Path runbooks = null;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--repo" -> repo = Path.of(required(args[i], value));
        case "--config" -> configs.add(Path.of(required(args[i], value)));
        case "--templates" -> templates = Path.of(required(args[i], value));
        case "--runbooks" -> runbooks = Path.of(required(args[i], value));
        case "--out" -> out = Path.of(required(args[i], value));
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + args[i]
                    + "; use --config FILE, --templates DIR, --runbooks FILE, --out DIR");
      }
      i++;
    }
    if (configs.isEmpty()) {
      configs.add(repo.resolve("alerting/mixin/config.yaml"));
    }
    templates = templates != null ? templates : repo.resolve("alerting/mixin/rules");
    runbooks = runbooks != null ? runbooks : repo.resolve("docs/runbooks.md");
    out = out != null ? out : repo.resolve("alerting/rules");
    for (Path written : RuleTemplates.write(templates, MixinConfig.load(configs), runbooks, out)) {
      System.out.println("wrote " + written);
    }
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
