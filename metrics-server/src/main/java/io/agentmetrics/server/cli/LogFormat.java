package io.agentmetrics.server.cli;

/** The log format, chosen before the first logger exists (see {@link LogbackSetup}). */
enum LogFormat {
  /** Human-readable lines. */
  text,
  /** One JSON object per line (logstash-logback-encoder). */
  json;

  /** Selects this format unless the JVM was started with one; call before the first logger. */
  void apply() {
    if (System.getProperty(LogbackSetup.FORMAT_PROPERTY) == null) {
      System.setProperty(LogbackSetup.FORMAT_PROPERTY, name());
    }
  }
}
