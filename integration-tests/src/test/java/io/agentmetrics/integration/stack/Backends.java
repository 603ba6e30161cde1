package io.agentmetrics.integration.stack;

import io.agentmetrics.api.testing.NativeTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses the backend: Testcontainers where a Docker engine answers, else the native processes of
 * the Debian packages. {@code -Dagentmetrics.it.backend=native|testcontainers} forces one (default
 * {@code auto}).
 */
public final class Backends {

  /** The system property that forces a backend. */
  public static final String PROPERTY = "agentmetrics.it.backend";

  private static final String INSTALL =
      "install a Docker engine (Testcontainers backend), or the Debian packages for the native"
          + " backend: sudo apt-get install prometheus prometheus-alertmanager victoria-metrics";

  private Backends() {}

  /**
   * The outcome of the choice.
   *
   * @param backend the chosen backend; empty when none is available
   * @param reason why this backend (or why none), for the report and the skip message
   * @param testcontainers whether the Testcontainers backend is usable, and if not why
   */
  public record Choice(Optional<Backend> backend, String reason, String testcontainers) {}

  /** Chooses a backend for the repository at {@code repoRoot}. */
  public static Choice choose(Path repoRoot) {
    String requested = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    Path jar = repoRoot.resolve(StackSpec.SERVER_JAR);
    if (!Files.isRegularFile(jar)) {
      return none(
          jar
              + " is missing: build it first (./mvnw -B verify builds it before this module, or"
              + " ./mvnw -B -q -DskipTests package -pl metrics-server -am)",
          "not checked");
    }
    boolean docker = !requested.equals("native") && dockerAvailable();
    String testcontainers =
        docker
            ? "available (Docker engine found)"
            : requested.equals("native")
                ? "not used (-D" + PROPERTY + "=native)"
                : "skipped: no Docker engine (DockerClientFactory.isDockerAvailable() is false)";
    if (docker) {
      return new Choice(
          Optional.of(Backend.TESTCONTAINERS), "a Docker engine is available", testcontainers);
    }
    if (requested.equals("testcontainers")) {
      return none("-D" + PROPERTY + "=testcontainers but no Docker engine answers", testcontainers);
    }
    Optional<String> missing = missingNativeTool();
    if (missing.isPresent()) {
      return none(
          "no Docker engine and " + missing.get() + " is not on the PATH: " + INSTALL,
          testcontainers);
    }
    return new Choice(
        Optional.of(Backend.NATIVE),
        requested.equals("native")
            ? "forced with -D" + PROPERTY + "=native"
            : "no Docker engine; prometheus and prometheus-alertmanager are installed",
        testcontainers);
  }

  private static Choice none(String reason, String testcontainers) {
    return new Choice(Optional.empty(), reason, testcontainers);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Optional<String> missingNativeTool() {
    for (String tool : new String[] {"prometheus", "prometheus-alertmanager"}) {
      if (NativeTool.find(tool).isEmpty()) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }
}
