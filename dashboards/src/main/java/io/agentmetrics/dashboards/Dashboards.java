package io.agentmetrics.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Grafana dashboards bundled in this module, as classpath resources under {@value
 * #RESOURCE_DIRECTORY}: one directory of plain JSON files that Grafana can provision as they are.
 */
public final class Dashboards {

  /** The classpath directory that holds the dashboard files. */
  public static final String RESOURCE_DIRECTORY = "io/agentmetrics/dashboards/grafana";

  /** The bundled dashboard files, in the order a reader meets them. */
  public static final List<String> FILE_NAMES =
      List.of(
          "agents-overview.json",
          "llm-calls-tokens.json",
          "cost.json",
          "tools-skills.json",
          "tasks-queues.json",
          "security-approvals.json",
          "rag-caches.json",
          "quality.json",
          "mcp.json",
          "service-health.json",
          "service-levels.json",
          "application-http.json",
          "infrastructure.json");

  /**
   * The dashboard of the host, PostgreSQL, Redis and containers: the standard exporters fill it,
   * not agentmetrics (InfrastructureIT checks it against real ones).
   */
  public static final String INFRASTRUCTURE = "infrastructure.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Dashboards() {}

  /** Loads every bundled dashboard. */
  public static List<Dashboard> loadAll() {
    return FILE_NAMES.stream().map(Dashboards::load).toList();
  }

  /** Loads one bundled dashboard by its file name, e.g. {@code cost.json}. */
  public static Dashboard load(String fileName) {
    String resource = RESOURCE_DIRECTORY + "/" + fileName;
    try (InputStream in = Dashboards.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled dashboard " + fileName);
      }
      return new Dashboard(fileName, MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard " + fileName, e);
    }
  }

  /** One bundled dashboard's JSON as the file has it, e.g. for a ConfigMap. */
  public static String text(String fileName) {
    String resource = RESOURCE_DIRECTORY + "/" + fileName;
    try (InputStream in = Dashboards.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled dashboard " + fileName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard " + fileName, e);
    }
  }

  /** Reads a dashboard from a file (for dashboards that are not bundled). */
  public static Dashboard read(Path file) {
    try {
      return new Dashboard(file.getFileName().toString(), MAPPER.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard " + file, e);
    }
  }

  /** Parses a dashboard from JSON text. */
  public static Dashboard parse(String fileName, String json) {
    try {
      return new Dashboard(fileName, MAPPER.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid dashboard JSON in " + fileName, e);
    }
  }
}
