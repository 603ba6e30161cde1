package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No cycle between the server's packages (the wiring in {@code http} knows nothing of {@link
 * MetricsServer}, which builds it), read from the compiled classes by the JDK's {@code jdeps}.
 */
class PackageCyclesTest {

  private static final String PREFIX = "io.agentmetrics.server";

  @Test
  void theServersPackagesFormNoCycle() throws Exception {
    Path classes =
        Path.of(MetricsServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out), new PrintWriter(out), "-verbose:package", classes.toString());
    assertThat(exit).as(out.toString()).isZero();

    Map<String, Set<String>> edges = new TreeMap<>();
    out.toString()
        .lines()
        .filter(line -> line.startsWith(" ") && line.contains("->"))
        .map(line -> line.trim().split("\\s+"))
        .filter(parts -> parts[0].startsWith(PREFIX) && parts[2].startsWith(PREFIX))
        .filter(parts -> !parts[0].equals(parts[2]))
        .forEach(parts -> edges.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[2]));
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
