package io.agentmetrics.server.http;

import io.agentmetrics.server.ingest.EventBatchParser;
import io.agentmetrics.server.ingest.EventIngester;
import io.agentmetrics.server.ingest.IngestResult;
import io.agentmetrics.server.ingest.MalformedBatchException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * {@code POST /api/v1/events}: checks the content type (415) and size (413), parses the batch (400
 * when malformed) and answers 202 with the counts of accepted and rejected events.
 */
final class IngestHandler implements Handler {

  private final EventBatchParser parser = new EventBatchParser();
  private final EventIngester ingester;
  private final long maxBodyBytes;

  IngestHandler(EventIngester ingester, long maxBodyBytes) {
    this.ingester = ingester;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(Context ctx) throws IOException {
    EventBatchParser.Format format = format(ctx.header("Content-Type"));
    String encoding = ctx.header("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
      throw new ApiException(
          415, "unsupported_media_type", "Content-Encoding " + encoding + " is not supported");
    }
    byte[] body = readBody(ctx);
    IngestResult result;
    try {
      result = ingester.ingest(parser.parse(body, format));
    } catch (MalformedBatchException e) {
      throw new ApiException(400, "malformed_json", e.getMessage());
    }
    JsonResponses.accepted(ctx, result);
  }

  private static EventBatchParser.Format format(String contentType) {
    if (contentType == null) {
      throw unsupported("missing Content-Type");
    }
    String[] parts = contentType.split(";");
    String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].trim().split("=", 2);
      if (param[0].trim().equalsIgnoreCase("charset")
          && (param.length < 2 || !param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
        throw unsupported("only the utf-8 charset is supported");
      }
    }
    switch (mediaType) {
      case "application/json":
        return EventBatchParser.Format.JSON;
      case "application/x-ndjson":
      case "application/ndjson":
        return EventBatchParser.Format.NDJSON;
      default:
        throw unsupported("Content-Type " + mediaType + " is not supported");
    }
  }

  private byte[] readBody(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        413, "payload_too_large", "the body exceeds the limit of " + maxBodyBytes + " bytes");
  }

  private static ApiException unsupported(String message) {
    return new ApiException(
        415,
        "unsupported_media_type",
        message + ": send application/json (an array of events) or application/x-ndjson");
  }
}
