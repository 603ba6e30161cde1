package io.agentmetrics.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agentmetrics.server.ingest.IngestResult;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the server's JSON response bodies with Jackson's streaming generator (the server uses no
 * JSON mapper for its answers, which keeps startup light).
 */
final class JsonResponses {

  /** The content type of every JSON answer. */
  static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private static final JsonFactory JSON = new JsonFactory();

  private JsonResponses() {}

  /** Answers {@code status} with {@code {"status": value}}. */
  static void status(Context ctx, int status, String value) {
    send(ctx, status, json -> json.writeStringField("status", value));
  }

  /** Answers with the JSON error body of {@code e}. */
  static void error(Context ctx, ApiException e) {
    e.headers().forEach(ctx::header);
    error(ctx, e.status(), e.error(), e.getMessage());
  }

  /**
   * Writes the JSON error answer of {@code e} on the servlet response and sends it at once, with
   * its {@code Content-Length}, so that the client has the whole answer while the request goes on.
   */
  static void answerNow(HttpServletResponse response, ApiException e) throws IOException {
    byte[] body = errorBody(e.status(), e.error(), e.getMessage());
    response.setStatus(e.status());
    e.headers().forEach(response::setHeader);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** Answers {@code status} with the error body {@code {"status", "error", "message"}}. */
  static void error(Context ctx, int status, String error, String message) {
    send(ctx, status, errorBody(status, error, message));
  }

  /** The error body {@code {"status", "error", "message"}}, UTF-8. */
  static byte[] errorBody(int status, String error, String message) {
    return body(
        json -> {
          json.writeNumberField("status", status);
          json.writeStringField("error", error);
          json.writeStringField("message", message);
        });
  }

  /**
   * Answers 202 with the counts of accepted and rejected events, the first rejections and how many
   * more were omitted: a bounded answer whatever the batch.
   */
  static void accepted(Context ctx, IngestResult result) {
    send(
        ctx,
        202,
        json -> {
          json.writeNumberField("accepted", result.accepted());
          json.writeNumberField("rejected", result.rejected());
          json.writeArrayFieldStart("errors");
          for (IngestResult.Rejection rejection : result.errors()) {
            json.writeStartObject();
            json.writeNumberField("index", rejection.index());
            json.writeStringField("message", rejection.message());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeNumberField("errors_omitted", result.errorsOmitted());
        });
  }

  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private static void send(Context ctx, int status, Fields fields) {
    send(ctx, status, body(fields));
  }

  private static void send(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType(CONTENT_TYPE).result(body);
  }

  private static byte[] body(Fields fields) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(128);
    try (JsonGenerator json = JSON.createGenerator(body)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a response body", e);
    }
    return body.toByteArray();
  }
}
