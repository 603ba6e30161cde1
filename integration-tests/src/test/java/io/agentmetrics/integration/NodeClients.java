package io.agentmetrics.integration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Node.js clients of the integration tests ({@code src/test/node/otlp-agent}; {@code
 * langfuse-agent}: the same agent with Langfuse's packages, which need the OpenTelemetry JS SDK's
 * 2.x line; {@code node22-agents}: the agent written with Mastra or the OpenAI Agents SDK, on
 * Node.js 22), which the build copies to {@code target/node} and installs from their committed
 * {@code package-lock.json}.
 */
public final class NodeClients {

  /** The package of the agent traced by Langfuse, beside {@link #installed()}. */
  public static final String LANGFUSE = "langfuse-agent";

  /**
   * The package of the agent written with the frameworks that need Node.js 22 (Mastra, the OpenAI
   * Agents SDK), beside {@link #installed()}.
   */
  public static final String NODE22 = "node22-agents";

  private NodeClients() {}

  /** Their installed directory; unavailable (a failure under CI) when npm ci did not run. */
  public static Path installed() {
    return checked(
        Path.of(System.getProperty("agentmetrics.it.nodeAgent", "target/node/otlp-agent")));
  }

  /** The installed package {@code name} beside {@link #installed()}'s (e.g. {@link #LANGFUSE}). */
  public static Path installed(String name) {
    return checked(installed().resolveSibling(name));
  }

  private static Path checked(Path clients) {
    if (!Files.isDirectory(clients.resolve("node_modules"))) {
      Requirement.unavailable(
          "the Node clients are not installed in "
              + clients
              + ": the integration-tests build runs npm ci there (needs Node.js 20 and npm)");
    }
    return clients;
  }
}
