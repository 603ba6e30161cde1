package io.agentmetrics.server.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.agentmetrics.server.otlp.GzipBody;
import io.agentmetrics.server.otlp.OtlpFormat;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An OTLP/HTTP export endpoint ({@code POST /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}), as
 * the OTLP specification prescribes: protobuf or JSON (415 otherwise), gzip or identity encoding
 * (415 otherwise), the body read without holding a thread ({@link BodyReader}: 413, 408, 503 with
 * {@code Retry-After}), inflated up to the body limit (413 beyond), decoded (400 with a {@code
 * google.rpc.Status} body when it cannot be), recorded on the ingest workers, and answered 200 with
 * the export response, whose {@code partial_success} counts the refused items.
 *
 * @param <B> the export request's builder
 */
final class OtlpHandler<B extends Message.Builder> implements Handler {

  /** A qualified exception class name and its colon, e.g. {@code java.io.EOFException: }. */
  private static final Pattern CLASS_NAME_PREFIX =
      Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

  private final Supplier<B> requests;
  private final Function<B, Message> receiver;
  private final BodyReader bodies;
  private final long maxBodyBytes;
  private final Executor workers;

  /**
   * @param requests a new, empty export request builder
   * @param receiver records a decoded request and returns the export response
   */
  OtlpHandler(
      Supplier<B> requests,
      Function<B, Message> receiver,
      BodyReader bodies,
      long maxBodyBytes,
      Executor workers) {
    this.requests = requests;
    this.receiver = receiver;
    this.bodies = bodies;
    this.maxBodyBytes = maxBodyBytes;
    this.workers = workers;
  }

  /** An answer to write: status and body in the request's encoding. */
  private record Answer(int status, OtlpFormat format, byte[] body) {}

  @Override
  public void handle(Context ctx) {
    // Javalin switches the request to async mode before it calls the supplier.
    ctx.future(
        () -> {
          try {
            OtlpFormat format = format(ctx.header("Content-Type"));
            boolean gzip = gzip(ctx.header("Content-Encoding"));
            return bodies
                .read(ctx.req(), ctx.res())
                .thenApplyAsync(body -> answer(body, format, gzip), workers)
                .thenAccept(
                    answer ->
                        ctx.status(answer.status())
                            .contentType(answer.format().mediaType())
                            .result(answer.body()));
          } catch (ApiException refusal) {
            return bodies.refuse(ctx.req(), ctx.res(), refusal);
          }
        });
  }

  private static OtlpFormat format(String contentType) {
    OtlpFormat format = OtlpFormat.of(contentType);
    if (format == null) {
      throw new ApiException(
          415,
          "unsupported_media_type",
          "OTLP/HTTP takes application/x-protobuf or application/json, not " + contentType);
    }
    return format;
  }

  private Answer answer(BodyReader.Body body, OtlpFormat format, boolean gzip) {
    try {
      byte[] bytes = body.bytes();
      if (gzip) {
        try {
          bytes = GzipBody.inflate(bytes, maxBodyBytes);
        } catch (GzipBody.TooLarge e) {
          throw new ApiException(413, "payload_too_large", e.getMessage());
        } catch (IOException e) {
          return invalid(format, "the body is not valid gzip: " + e.getMessage());
        }
      }
      B request;
      try {
        request = format.parse(bytes, requests.get());
      } catch (InvalidProtocolBufferException e) {
        return invalid(
            format,
            "the body is not an OTLP export request in "
                + format.mediaType()
                + ": "
                + withoutClassNames(e.getMessage()));
      }
      return new Answer(200, format, format.write(receiver.apply(request)));
    } finally {
      body.release();
    }
  }

  /** The parser's message without the exception class names it may start with (its internals). */
  static String withoutClassNames(String message) {
    return message == null
        ? "unreadable"
        : CLASS_NAME_PREFIX.matcher(message).replaceAll("").trim();
  }

  /** 400 with a {@code google.rpc.Status} of code 3 (INVALID_ARGUMENT). */
  private static Answer invalid(OtlpFormat format, String message) {
    return new Answer(400, format, format.status(3, message));
  }

  private static boolean gzip(String encoding) {
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
      return false;
    }
    if (encoding.trim().equalsIgnoreCase("gzip")) {
      return true;
    }
    throw new ApiException(
        415,
        "unsupported_media_type",
        "Content-Encoding " + encoding + " is not supported (gzip or identity)");
  }
}
