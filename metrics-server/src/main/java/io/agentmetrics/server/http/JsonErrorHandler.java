package io.agentmetrics.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request Jetty refuses before any route sees it: bad HTTP, a URI or
 * headers too large, an unknown HTTP version) in the server's JSON error body instead of Jetty's
 * HTML page, whatever the client accepts.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final int MAX_REASON = 120;

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    byte[] body = JsonResponses.errorBody(code, error(code), describe(code, message));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponses.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static String error(int code) {
    return switch (code) {
      case 400 -> "bad_request";
      case 408 -> "request_timeout";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 505 -> "http_version_not_supported";
      default -> "http_" + code;
    };
  }

  private static String describe(int code, String reason) {
    String what =
        switch (code) {
          case 400 -> "the request is not valid HTTP/1.1";
          case 408 -> "the request did not arrive in time";
          case 413 -> "the request is too large";
          case 414 -> "the request URI is longer than the server accepts (8 KiB)";
          case 431 -> "the request headers are larger than the server accepts (8 KiB)";
          case 505 -> "only HTTP/1.0 and HTTP/1.1 are served";
          default -> "the request was refused";
        };
    // Jetty's reasons name the offending part ("Illegal character CNTL=0x1", "Bad chunking"),
    // never header values; bounded all the same.
    if (reason == null
        || reason.isBlank()
        || reason.length() > MAX_REASON
        || reason.equals(HttpStatus.getMessage(code))) {
      return what;
    }
    return what + " (" + reason + ")";
  }
}
