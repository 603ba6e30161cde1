package io.agentmetrics.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The agentmetrics version, from the filtered {@code version.properties} of this module. */
final class BuildInfo {

  private static final String VERSION = read();

  private BuildInfo() {}

  /** The version, e.g. {@code 0.1.0}; {@code unknown} where the resource is missing. */
  static String version() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
  }
}
