package io.agentmetrics.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root of the build, from the {@code agentmetrics.repoRoot} system property. */
public final class RepoFiles {

  private RepoFiles() {}

  /** The repository root. */
  public static Path root() {
    String root = System.getProperty("agentmetrics.repoRoot");
    Path path = root != null ? Path.of(root) : Path.of("..");
    path = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(path.resolve("stack/compose.yaml"))) {
      throw new AssertionError("not the repository root (no stack/compose.yaml): " + path);
    }
    return path;
  }

  /** The server jar that {@code ./mvnw package} builds, relative to the repository root. */
  public static final String SERVER_JAR = "metrics-server/target/agentmetrics-server.jar";

  /** The stack directory of the repository. */
  public static Path stackDirectory() {
    return resolve("stack");
  }

  /** The server jar of the build. */
  public static Path serverJar() {
    return resolve(SERVER_JAR);
  }

  /** A path under the repository root. */
  public static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
