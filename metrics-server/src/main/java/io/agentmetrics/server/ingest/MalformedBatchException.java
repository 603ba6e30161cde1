package io.agentmetrics.server.ingest;

/** The request body is not valid JSON (or NDJSON): the whole batch is refused. */
public final class MalformedBatchException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A refusal explained by {@code message} (never a stack trace). */
  public MalformedBatchException(String message) {
    super(message, null, false, false);
  }
}
