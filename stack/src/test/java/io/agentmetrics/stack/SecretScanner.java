package io.agentmetrics.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds committed credentials in text: default passwords, literal secrets, keys and tokens. */
final class SecretScanner {

  /** One rule: a name and the pattern that finds it. */
  record Rule(String name, Pattern pattern) {}

  /** One finding. */
  record Finding(Path file, int line, String rule, String text) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + rule + ": " + text.strip();
    }
  }

  static final List<Rule> RULES =
      List.of(
          new Rule("default credentials", Pattern.compile("(?i)\\badmin[/:]admin\\b")),
          new Rule(
              "Grafana admin password with a value",
              Pattern.compile(
                  "(?i)GF_SECURITY_ADMIN_PASSWORD\\s*[=:]\\s*(?!\\$\\{GRAFANA_ADMIN_PASSWORD:\\?)[\"']?[^\\s\"'$]")),
          new Rule(
              "Grafana admin password with a default",
              Pattern.compile("\\$\\{GRAFANA_ADMIN_PASSWORD:?-")),
          new Rule(
              "password with a literal value",
              Pattern.compile(
                  "(?i)(password|passwd|secret|api_key|token|routing_key|service_key)\\s*[=:](?![?\\-])\\s*[\"']?(?![\"']?\\s*$)(?!\\$\\{)(?!<)[^\\s\"'#]{3,}")),
          new Rule(
              "environment password with a value",
              Pattern.compile(
                  "(?im)^\\s*[A-Z_]*(PASSWORD|SECRET|TOKEN)(?![A-Z_]*_FILE=)[A-Z_]*=\\S+")),
          new Rule("Slack webhook", Pattern.compile("hooks\\.slack\\.com/services/[A-Za-z0-9]+/")),
          new Rule("private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")),
          new Rule("AWS access key", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b")));

  private SecretScanner() {}

  /** The findings in one text. */
  static List<Finding> scan(Path file, String text) {
    List<Finding> findings = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.stripLeading().startsWith("#") && !line.contains("=")) {
        continue; // prose in comments
      }
      for (Rule rule : RULES) {
        Matcher matcher = rule.pattern().matcher(line);
        if (matcher.find()) {
          findings.add(new Finding(file, i + 1, rule.name(), line));
        }
      }
    }
    return findings;
  }

  /** Build output and the files git ignores because they hold a user's own secrets. */
  private static boolean ignored(Path file) {
    String path = file.toString();
    String name = file.getFileName().toString();
    return path.contains("/target/")
        || path.contains("/src/")
        || name.endsWith(".jar")
        || name.equals(".env")
        || (path.contains("/secrets/") && !name.equals("README.md") && !name.equals(".gitignore"));
  }

  /**
   * The findings in every configuration file under {@code directory} (not build output, not Java
   * sources).
   */
  static List<Finding> scanTree(Path directory) {
    List<Finding> findings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (ignored(file)) {
          continue;
        }
        findings.addAll(scan(file, Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return findings;
  }
}
