package io.agentmetrics.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads secrets from an environment variable or a file, never from the command line. A variable or
 * file that is there but empty is refused, never read as "no credentials": an unset compose
 * variable or an empty Kubernetes secret key must not turn authentication off.
 */
final class Secrets {

  /** The variables that carry credentials, or name the files and users that do. */
  private static final List<String> CREDENTIAL_VARIABLES =
      List.of(
          "AGENTMETRICS_METRICS_TOKEN",
          "AGENTMETRICS_METRICS_TOKEN_FILE",
          "AGENTMETRICS_METRICS_USER",
          "AGENTMETRICS_METRICS_PASSWORD",
          "AGENTMETRICS_METRICS_PASSWORD_FILE",
          "AGENTMETRICS_INGEST_TOKEN",
          "AGENTMETRICS_INGEST_TOKEN_FILE",
          "AGENTMETRICS_INGEST_USER",
          "AGENTMETRICS_INGEST_PASSWORD",
          "AGENTMETRICS_INGEST_PASSWORD_FILE",
          "AGENTMETRICS_TLS_KEYSTORE",
          "AGENTMETRICS_TLS_KEYSTORE_PASSWORD",
          "AGENTMETRICS_TLS_KEYSTORE_PASSWORD_FILE");

  private final Map<String, String> env;

  Secrets(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Refuses every variable of credentials (tokens, passwords, users, and the files that hold them)
   * that is set but empty or blank.
   */
  void refuseBlankVariables() {
    for (String name : CREDENTIAL_VARIABLES) {
      String value = env.get(name);
      if (value != null && value.isBlank()) {
        throw blank(name);
      }
    }
  }

  private static IllegalArgumentException blank(String name) {
    return new IllegalArgumentException(name + " is set but empty: give it a value or unset it");
  }

  /**
   * The secret in {@code file} (trailing newlines removed) or in the variable {@code envName}; null
   * when neither is set.
   */
  String read(String envName, Path file) {
    String fromEnv = env.get(envName);
    if (fromEnv != null && fromEnv.isBlank()) {
      throw blank(envName);
    }
    boolean hasEnv = fromEnv != null;
    if (file != null && hasEnv) {
      throw new IllegalArgumentException(
          "set either " + envName + " or the file option for that secret, not both");
    }
    if (file == null) {
      return hasEnv ? fromEnv : null;
    }
    if (file.toString().isBlank()) {
      throw new IllegalArgumentException("the file option for " + envName + " is set but empty");
    }
    try {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("the secret file " + file + " is empty");
      }
      return secret;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the secret file " + file + ": " + e.getMessage());
    }
  }
}
