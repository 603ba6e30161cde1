package io.agentmetrics.stack;

/** The local stack could not start or run; the message says which part and why. */
public class LocalStackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with a message. */
  public LocalStackException(String message) {
    super(message);
  }

  /** An error with a message and its cause. */
  public LocalStackException(String message, Throwable cause) {
    super(message, cause);
  }
}
