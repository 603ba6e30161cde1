package io.agentmetrics.integration;

import org.junit.jupiter.api.Assumptions;

/**
 * What happens when something an end-to-end test needs is missing: with {@code
 * -Dagentmetrics.it.require=true} (CI) the test fails, otherwise it is skipped with the message.
 */
public final class Requirement {

  /** The system property that turns a missing backend into a failure. */
  public static final String PROPERTY = "agentmetrics.it.require";

  private Requirement() {}

  /** Whether a missing backend fails the tests. */
  public static boolean required() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Fails (when required) or skips the current test with {@code message}. */
  public static void unavailable(String message) {
    if (required()) {
      throw new AssertionError(message + " (" + PROPERTY + "=true: a missing backend fails)");
    }
    Assumptions.abort(message);
  }
}
