package io.agentmetrics.catalogue.promql;

/** A PromQL expression that cannot be read. */
public final class PromQlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with a message that names the problem and the expression. */
  public PromQlException(String message) {
    super(message);
  }
}
