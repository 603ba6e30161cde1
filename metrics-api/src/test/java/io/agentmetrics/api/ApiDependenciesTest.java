package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * What an application gets with metrics-api: its own packages on the JDK's java.base, nothing else.
 * Read from the compiled classes by the JDK's {@code jdeps}; build-time tooling (the PromQL reader,
 * the docs generator) lives in catalogue-tools.
 */
class ApiDependenciesTest {

  @Test
  void theCompiledApiDependsOnJavaBaseAlone() throws Exception {
    Path classes =
        Path.of(AgentMetrics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out), new PrintWriter(out), "-verbose:package", classes.toString());
    assertThat(exit).as(out.toString()).isZero();

    List<String> edges =
        out.toString().lines().filter(line -> line.contains("->") && line.startsWith(" ")).toList();
    assertThat(edges).isNotEmpty();
    for (String edge : edges) {
      String[] parts = edge.trim().split("\\s+");
      String from = parts[0];
      String to = parts[2];
      String module = parts.length > 3 ? parts[3] : "";
      assertThat(from).as(edge).isEqualTo("io.agentmetrics.api");
      assertThat(to.startsWith("io.agentmetrics.api") || module.equals("java.base"))
          .as("metrics-api may use java.base and itself only: " + edge)
          .isTrue();
    }
  }
}
