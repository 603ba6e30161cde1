package io.agentmetrics.server.otlp;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * OTLP/HTTP's two encodings: binary protobuf ({@code application/x-protobuf}) and the OTLP JSON
 * mapping ({@code application/json}), read with protobuf's own parsers. Trace and span ids in OTLP
 * JSON are hex, where protobuf's JSON mapping expects base64: hex digits are base64 digits too, so
 * they decode to other bytes, but the same hex always to the same bytes, and the receiver uses ids
 * only to find a span's parent in the same request.
 */
public enum OtlpFormat {
  /** {@code application/x-protobuf}. */
  PROTOBUF("application/x-protobuf"),
  /** {@code application/json}. */
  JSON("application/json");

  private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer JSON_PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private final String mediaType;

  OtlpFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type to answer with. */
  public String mediaType() {
    return mediaType;
  }

  /** The format of a {@code Content-Type}, or null when OTLP/HTTP has none such. */
  public static OtlpFormat of(String contentType) {
    if (contentType == null) {
      return null;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (OtlpFormat format : values()) {
      if (format.mediaType.equals(type)) {
        return format;
      }
    }
    return null;
  }

  /**
   * Reads {@code body} into {@code builder}.
   *
   * @throws InvalidProtocolBufferException when the body is not a message of this encoding
   */
  public <B extends Message.Builder> B parse(byte[] body, B builder)
      throws InvalidProtocolBufferException {
    if (this == PROTOBUF) {
      builder.mergeFrom(body);
    } else {
      JSON_PARSER.merge(new String(body, StandardCharsets.UTF_8), builder);
    }
    return builder;
  }

  /** {@code message} in this encoding. */
  public byte[] write(Message message) {
    if (this == PROTOBUF) {
      return message.toByteArray();
    }
    try {
      return JSON_PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("an OTLP answer did not print as JSON", e);
    }
  }

  /**
   * A {@code google.rpc.Status} (code {@code 3}, INVALID_ARGUMENT, and {@code message}), OTLP's
   * body for a refused request. Written by hand: it has two fields, and its generated class lives
   * in a further library.
   */
  public byte[] status(int code, String message) {
    if (this == JSON) {
      return ("{\"code\":" + code + ",\"message\":" + JsonText.quote(message) + "}")
          .getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeInt32(1, code);
      out.writeString(2, message);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
