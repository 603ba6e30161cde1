package io.agentmetrics.server.ingest;

/** One event of a batch breaks a rule; the message names the field and the rule. */
public final class InvalidEventException extends Exception {

  private static final long serialVersionUID = 1L;

  /** An event rejected with {@code message}, e.g. {@code field 'provider': ...}. */
  public InvalidEventException(String message) {
    super(message, null, false, false);
  }
}
