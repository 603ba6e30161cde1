package io.agentmetrics.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON response bodies (the server does not use Javalin's JSON mapper). */
final class JsonResponses {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  /** Answers {@code status} with {@code body} serialized as JSON. */
  static void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status)
          .contentType("application/json; charset=utf-8")
          .result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a response body", e);
    }
  }

  /** Answers with the JSON error body of {@code e}. */
  static void error(Context ctx, ApiException e) {
    e.headers().forEach(ctx::header);
    send(ctx, e.status(), errorBody(e.status(), e.error(), e.getMessage()));
  }

  /** The error body {@code {"status", "error", "message"}}. */
  static Map<String, Object> errorBody(int status, String error, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", error);
    body.put("message", message);
    return body;
  }
}
