package io.agentmetrics.alerting;

import java.nio.file.Path;

/** Where the files under test are: the repository root comes from {@code agentmetrics.repoRoot}. */
final class AlertingFiles {

  private AlertingFiles() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("agentmetrics.repoRoot", "..")).toAbsolutePath().normalize();
  }

  static Path rulesDir() {
    return repoRoot().resolve("alerting/rules");
  }

  static Path testsDir() {
    return repoRoot().resolve("alerting/tests");
  }

  static Path alertmanagerConfig() {
    return repoRoot().resolve("alerting/alertmanager/alertmanager.yml");
  }

  static Path runbooks() {
    return repoRoot().resolve("docs/runbooks.md");
  }
}
