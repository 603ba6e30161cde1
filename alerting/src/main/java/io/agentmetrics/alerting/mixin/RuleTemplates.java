package io.agentmetrics.alerting.mixin;

import io.agentmetrics.alerting.RunbookQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders the rule templates of a directory with a {@link MixinConfig}.
 *
 * <p>A template is a Prometheus rule file with placeholders: {@code ${name}} is the value {@code
 * name} of the alert it stands in (under {@code alerts.<AlertName>}), else the global value at that
 * dotted path; {@code ${name|percent}} writes a fraction as a percentage (0.05 as {@code 5%}). An
 * alert configured with {@code enabled: false} is left out. Rendering fails, naming the file and
 * line, on a placeholder the configuration lacks, on a configured alert no template defines, and on
 * an alert value no template reads: every fact of the configuration is used.
 *
 * <p>Each alert gets a {@code query} annotation after its {@code runbook_url}: the first query of
 * its section of the runbooks ({@link RunbookQueries}), filled with the alert's labels, so the page
 * says what to look at first. An alert whose section has no query fails the render. Where the
 * configuration sets {@code runbookLinksMustOpenAnywhere: true} (the Kubernetes overlay), a {@code
 * runbookBaseUrl} on localhost or a loopback address fails the render too: a link from a pager app
 * on a phone cannot open it.
 */
public final class RuleTemplates {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.]*)(\\|percent)?}");
  private static final Pattern RULE_START = Pattern.compile("^(\\s*)- (alert|record): (\\S+)");
  private static final Pattern RUNBOOK_URL = Pattern.compile("^(\\s+)runbook_url: ");
  private static final Pattern LOCAL_URL =
      Pattern.compile("^https?://(localhost|127\\.[0-9.]+|\\[::1]|0\\.0\\.0\\.0)([:/].*)?$");

  private final MixinConfig config;
  private final Map<String, String> firstQueries;
  private final Set<String> definedAlerts = new LinkedHashSet<>();
  private final Set<String> usedAlertKeys = new LinkedHashSet<>();

  private RuleTemplates(MixinConfig config, Map<String, String> firstQueries) {
    this.config = config;
    this.firstQueries = firstQueries;
  }

  /**
   * Renders every {@code *.yaml} template of a directory with the first queries of a runbooks file
   * ({@code docs/runbooks.md}): file name to rendered text.
   */
  public static Map<String, String> render(Path templates, MixinConfig config, Path runbooks) {
    checkRunbookBaseUrl(config);
    RuleTemplates renderer = new RuleTemplates(config, RunbookQueries.of(read(runbooks)));
    Map<String, String> rendered = new LinkedHashMap<>();
    for (Path template : templateFiles(templates)) {
      String name = template.getFileName().toString();
      rendered.put(name, renderer.renderFile(name, read(template)));
    }
    renderer.checkEveryValueIsUsed();
    return rendered;
  }

  /** Renders a directory of templates into {@code out}, replacing files of the same name. */
  public static List<Path> write(Path templates, MixinConfig config, Path runbooks, Path out) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(out);
      for (Map.Entry<String, String> file : render(templates, config, runbooks).entrySet()) {
        written.add(Files.writeString(out.resolve(file.getKey()), file.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rules to " + out, e);
    }
    return written;
  }

  private String renderFile(String file, String template) {
    String[] lines = template.split("\n", -1);
    List<String> out = new ArrayList<>();
    List<String> blanksAfterSkipped = new ArrayList<>();
    String alert = null;
    int ruleIndent = -1;
    boolean skipping = false;
    boolean blankBeforeSkipped = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher start = RULE_START.matcher(line);
      boolean startsRule = start.find();
      boolean endsRule = !startsRule && !line.isBlank() && indent(line) <= ruleIndent;
      if (startsRule || endsRule) {
        // A skipped alert's blank separator survives only if one came before it too.
        if (blankBeforeSkipped) {
          out.addAll(blanksAfterSkipped);
        }
        blanksAfterSkipped.clear();
      }
      if (startsRule) {
        ruleIndent = start.group(1).length();
        alert = start.group(2).equals("alert") ? start.group(3) : null;
        skipping = alert != null && !config.enabled(alert);
        if (alert != null) {
          definedAlerts.add(alert);
        }
        if (skipping) {
          blankBeforeSkipped = dropTrailingBlankLines(out);
        }
      } else if (endsRule) {
        alert = null;
        ruleIndent = -1;
        skipping = false;
      }
      if (skipping) {
        if (line.isBlank()) {
          blanksAfterSkipped.add(line);
        } else {
          blanksAfterSkipped.clear();
        }
        continue;
      }
      out.add(substitute(file, i + 1, line, alert));
      Matcher runbookUrl = RUNBOOK_URL.matcher(line);
      if (alert != null && runbookUrl.find()) {
        out.add(runbookUrl.group(1) + "query: " + singleQuoted(firstQuery(file, i + 1, alert)));
      }
    }
    if (!blanksAfterSkipped.isEmpty()) {
      out.add("");
    }
    return String.join("\n", out);
  }

  private String substitute(String file, int lineNumber, String line, String alert) {
    Matcher placeholder = PLACEHOLDER.matcher(line);
    StringBuilder result = new StringBuilder();
    while (placeholder.find()) {
      String key = placeholder.group(1);
      String value = value(alert, key);
      if (value == null) {
        throw new IllegalArgumentException(
            file
                + ":"
                + lineNumber
                + ": ${"
                + key
                + "} is not in the configuration"
                + (alert == null ? "" : " (neither alerts." + alert + "." + key + " nor " + key)
                + (alert == null ? "" : ")"));
      }
      if (placeholder.group(2) != null) {
        value = percent(value);
      }
      placeholder.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(result);
    return result.toString();
  }

  private String value(String alert, String key) {
    if (alert != null) {
      var alertValue = config.alertValue(alert, key);
      if (alertValue.isPresent()) {
        usedAlertKeys.add(alert + "." + key);
        return alertValue.get();
      }
    }
    return config.global(key).orElse(null);
  }

  private String firstQuery(String file, int lineNumber, String alert) {
    String query = firstQueries.get(alert);
    if (query == null) {
      throw new IllegalArgumentException(
          file
              + ":"
              + lineNumber
              + ": the runbooks have no first query for "
              + alert
              + " (a promql block under '## "
              + alert
              + "')");
    }
    return RunbookQueries.asAnnotation(query);
  }

  private static void checkRunbookBaseUrl(MixinConfig config) {
    String base = config.global("runbookBaseUrl").orElse("");
    boolean mustOpenAnywhere =
        Boolean.parseBoolean(config.global("runbookLinksMustOpenAnywhere").orElse("false"));
    if (mustOpenAnywhere && (base.isBlank() || LOCAL_URL.matcher(base).matches())) {
      throw new IllegalArgumentException(
          "runbookBaseUrl '"
              + base
              + "' cannot be opened from a pager app on a phone; this configuration"
              + " (runbookLinksMustOpenAnywhere: true) needs an address everyone on call can reach,"
              + " e.g. your copy of docs/runbooks.md on your Git host or wiki");
    }
  }

  private static String singleQuoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private void checkEveryValueIsUsed() {
    List<String> problems = new ArrayList<>();
    for (String alert : config.alertNames()) {
      if (!definedAlerts.contains(alert)) {
        problems.add("alerts." + alert + " names an alert that no template defines");
        continue;
      }
      if (!config.enabled(alert)) {
        continue;
      }
      for (String key : config.alertKeys(alert)) {
        if (!key.equals("enabled") && !usedAlertKeys.contains(alert + "." + key)) {
          problems.add("alerts." + alert + "." + key + " is read by no template");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  private static String percent(String fraction) {
    return new BigDecimal(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** Removes the blank lines at the end of {@code out}; whether there were any. */
  private static boolean dropTrailingBlankLines(List<String> out) {
    boolean dropped = false;
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
      dropped = true;
    }
    return dropped;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static List<Path> templateFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
