package io.agentmetrics.integration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Node.js clients of the integration tests ({@code src/test/node/otlp-agent}), which the build
 * copies to {@code target/node} and installs from their committed {@code package-lock.json}.
 */
public final class NodeClients {

  private NodeClients() {}

  /** Their installed directory; unavailable (a failure under CI) when npm ci did not run. */
  public static Path installed() {
    Path clients =
        Path.of(System.getProperty("agentmetrics.it.nodeAgent", "target/node/otlp-agent"));
    if (!Files.isDirectory(clients.resolve("node_modules"))) {
      Requirement.unavailable(
          "the Node clients are not installed in "
              + clients
              + ": the integration-tests build runs npm ci there (needs Node.js 20 and npm)");
    }
    return clients;
  }
}
