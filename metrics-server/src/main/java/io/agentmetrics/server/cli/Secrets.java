package io.agentmetrics.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads secrets from an environment variable or a file, never from the command line. */
final class Secrets {

  private final Map<String, String> env;

  Secrets(Map<String, String> env) {
    this.env = env;
  }

  /**
   * The secret in {@code file} (trailing newlines removed) or in the variable {@code envName}; null
   * when neither is set.
   */
  String read(String envName, Path file) {
    String fromEnv = env.get(envName);
    boolean hasEnv = fromEnv != null && !fromEnv.isEmpty();
    if (file != null && hasEnv) {
      throw new IllegalArgumentException(
          "set either " + envName + " or the file option for that secret, not both");
    }
    if (file == null) {
      return hasEnv ? fromEnv : null;
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
