package io.agentmetrics.server.http;

import java.util.Map;

/**
 * A request the server refuses: answered with {@code status} and a JSON body {@code {"status",
 * "error", "message"}}, never a stack trace.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final transient Map<String, String> headers;

  /** A refusal with a machine-readable {@code error} code and a human-readable message. */
  public ApiException(int status, String error, String message) {
    this(status, error, message, Map.of());
  }

  /** A refusal that also sets response {@code headers}. */
  public ApiException(int status, String error, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
    this.headers = Map.copyOf(headers);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** A short code such as {@code malformed_json}. */
  public String error() {
    return error;
  }

  /** Headers to send with the refusal, e.g. {@code WWW-Authenticate}. */
  public Map<String, String> headers() {
    return headers;
  }
}
