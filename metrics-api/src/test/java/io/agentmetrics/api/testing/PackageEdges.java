package io.agentmetrics.api.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * The package dependencies of a module's compiled classes, as the JDK's {@code jdeps} reads them.
 */
public final class PackageEdges {

  /**
   * One dependency.
   *
   * @param from the depending package
   * @param to the package depended on
   * @param module the module of {@code to} as jdeps names it (e.g. java.base, or a directory)
   */
  public record Edge(String from, String to, String module) {}

  private PackageEdges() {}

  /** The edges of the classes directory (or jar) that holds {@code type}. */
  public static List<Edge> of(Class<?> type) throws URISyntaxException {
    Path classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out), new PrintWriter(out), "-verbose:package", classes.toString());
    if (exit != 0) {
      throw new IllegalStateException("jdeps failed: " + out);
    }
    return out.toString()
        .lines()
        .filter(line -> line.startsWith(" ") && line.contains("->"))
        .map(line -> line.trim().split("\\s+"))
        .map(parts -> new Edge(parts[0], parts[2], parts.length > 3 ? parts[3] : ""))
        .toList();
  }
}
