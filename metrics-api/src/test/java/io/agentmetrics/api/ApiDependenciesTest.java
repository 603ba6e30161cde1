package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.PackageEdges;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an application gets with metrics-api: its own packages on the JDK's java.base, nothing else.
 * Read from the compiled classes by the JDK's {@code jdeps}; build-time tooling (the PromQL reader,
 * the docs generator) lives in catalogue-tools.
 */
class ApiDependenciesTest {

  @Test
  void theCompiledApiDependsOnJavaBaseAlone() throws Exception {
    List<PackageEdges.Edge> edges = PackageEdges.of(AgentMetrics.class);
    assertThat(edges).isNotEmpty();
    for (PackageEdges.Edge edge : edges) {
      assertThat(edge.from()).as(edge.toString()).isEqualTo("io.agentmetrics.api");
      assertThat(edge.to().startsWith("io.agentmetrics.api") || edge.module().equals("java.base"))
          .as("metrics-api may use java.base and itself only: " + edge)
          .isTrue();
    }
  }
}
