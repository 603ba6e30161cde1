package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.PackageEdges;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No cycle between the server's packages (the wiring in {@code http} knows nothing of {@link
 * MetricsServer}, which builds it), read from the compiled classes by the JDK's {@code jdeps}.
 */
class PackageCyclesTest {

  private static final String PREFIX = "io.agentmetrics.server";

  @Test
  void theServersPackagesFormNoCycle() throws Exception {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (PackageEdges.Edge edge : PackageEdges.of(MetricsServer.class)) {
      if (edge.from().startsWith(PREFIX)
          && edge.to().startsWith(PREFIX)
          && !edge.from().equals(edge.to())) {
        edges.computeIfAbsent(edge.from(), k -> new TreeSet<>()).add(edge.to());
      }
    }
    assertThat(edges).containsKey(PREFIX);

    for (String start : edges.keySet()) {
      List<String> cycle = cycleFrom(start, start, edges, new ArrayList<>(), new HashSet<>());
      assertThat(cycle).as("package cycle through " + start + ": " + edges).isEmpty();
    }
  }

  /** A path from {@code at} back to {@code start}, or an empty list. */
  private static List<String> cycleFrom(
      String start,
      String at,
      Map<String, Set<String>> edges,
      List<String> path,
      Set<String> seen) {
    path.add(at);
    for (String next : edges.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        path.add(next);
        return path;
      }
      if (seen.add(next)) {
        List<String> found = cycleFrom(start, next, edges, path, seen);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    path.remove(path.size() - 1);
    return List.of();
  }
}
