package io.agentmetrics.server.http;

import io.agentmetrics.server.ingest.EventBatchParser;
import io.agentmetrics.server.ingest.EventIngester;
import io.agentmetrics.server.ingest.IngestResult;
import io.agentmetrics.server.ingest.MalformedBatchException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * {@code POST /api/v1/events}: checks the content type (415), reads the body without holding a
 * thread ({@link BodyReader}: 400, 408, 413, 503), then parses and records the batch on the ingest
 * workers (400 when malformed) and answers 202 with the counts of accepted and rejected events. The
 * workers are few (one per core) so that the memory of batches being parsed stays bounded.
 */
final class IngestHandler implements Handler {

  private final EventBatchParser parser = new EventBatchParser();
  private final EventIngester ingester;
  private final BodyReader bodies;
  private final Executor workers;

  IngestHandler(EventIngester ingester, BodyReader bodies, Executor workers) {
    this.ingester = ingester;
    this.bodies = bodies;
    this.workers = workers;
  }

  @Override
  public void handle(Context ctx) {
    // Javalin switches the request to async mode before it calls the supplier.
    ctx.future(
        () -> {
          try {
            EventBatchParser.Format format = format(ctx.header("Content-Type"));
            identityEncoding(ctx.header("Content-Encoding"));
            return bodies
                .read(ctx.req(), ctx.res())
                .thenApplyAsync(body -> ingest(body, format), workers)
                .thenAccept(result -> JsonResponses.accepted(ctx, result));
          } catch (ApiException refusal) {
            return bodies.refuse(ctx.req(), ctx.res(), refusal);
          }
        });
  }

  private static void identityEncoding(String encoding) {
    if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
      throw new ApiException(
          415, "unsupported_media_type", "Content-Encoding " + encoding + " is not supported");
    }
  }

  private IngestResult ingest(BodyReader.Body body, EventBatchParser.Format format) {
    try {
      return ingester.ingest(parser.parse(body.bytes(), format));
    } catch (MalformedBatchException e) {
      throw new ApiException(400, "malformed_json", e.getMessage());
    } finally {
      body.release();
    }
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

  private static ApiException unsupported(String message) {
    return new ApiException(
        415,
        "unsupported_media_type",
        message + ": send application/json (an array of events) or application/x-ndjson");
  }
}
