package io.agentmetrics.api;

/**
 * The {@code error.type} of an exception as the GenAI conventions want it: the fully qualified
 * class name, or the simple name when the qualified one is longer than the label allows ({@value
 * #MAX_LENGTH} characters).
 */
public final class ErrorTypes {

  /** The longest {@code error.type} value the catalogue accepts. */
  public static final int MAX_LENGTH = 64;

  private ErrorTypes() {}

  /** The error type of {@code error}; {@code _OTHER} (the spec's fallback) for null. */
  public static String of(Throwable error) {
    if (error == null) {
      return "_OTHER";
    }
    String name = error.getClass().getName();
    return name.length() <= MAX_LENGTH ? name : error.getClass().getSimpleName();
  }
}
