package io.agentmetrics.server;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Exception;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One gRPC call written frame by frame over a plain socket (HTTP/2 with prior knowledge), for what
 * no gRPC client sends: a message cut short, a wrong content type. The header blocks are HPACK
 * coded by Netty's codec (grpc-java's shaded copy); the frames are the RFC 9113 layout.
 */
final class RawHttp2Call {

  private static final byte[] PREFACE =
      "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int DATA = 0;
  private static final int HEADERS = 1;
  private static final int RST_STREAM = 3;
  private static final int SETTINGS = 4;
  private static final int GOAWAY = 7;
  private static final int END_STREAM = 0x1;
  private static final int END_HEADERS = 0x4;
  private static final int ACK = 0x1;
  private static final int STREAM = 1;

  private RawHttp2Call() {}

  /**
   * Sends one call to {@code path} with {@code contentType} and {@code body} as its only DATA frame
   * (ending the stream), and returns the headers and trailers the server answers with, or {@code
   * rst_stream} / {@code goaway} with the error code when it ends the stream that way.
   */
  static Map<String, String> call(int port, String path, String contentType, byte[] body)
      throws IOException, Http2Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(PREFACE);
      frame(out, SETTINGS, 0, 0, new byte[0]);
      Http2Headers headers =
          new DefaultHttp2Headers()
              .method("POST")
              .scheme("http")
              .path(path)
              .authority("127.0.0.1:" + port)
              .add("content-type", contentType)
              .add("te", "trailers");
      ByteBuf block = Unpooled.buffer();
      new DefaultHttp2HeadersEncoder().encodeHeaders(STREAM, headers, block);
      byte[] encoded = new byte[block.readableBytes()];
      block.readBytes(encoded);
      frame(out, HEADERS, END_HEADERS, STREAM, encoded);
      frame(out, DATA, END_STREAM, STREAM, body);
      out.flush();
      return answer(new DataInputStream(socket.getInputStream()), out);
    }
  }

  private static Map<String, String> answer(DataInputStream in, OutputStream out)
      throws IOException, Http2Exception {
    Map<String, String> answer = new HashMap<>();
    DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
    while (true) {
      int length = (in.readUnsignedShort() << 8) | in.readUnsignedByte();
      int type = in.readUnsignedByte();
      int flags = in.readUnsignedByte();
      int stream = in.readInt() & 0x7fffffff;
      byte[] payload = in.readNBytes(length);
      if (type == SETTINGS && (flags & ACK) == 0) {
        frame(out, SETTINGS, ACK, 0, new byte[0]);
      } else if (type == HEADERS && stream == STREAM) {
        decoder
            .decodeHeaders(STREAM, Unpooled.wrappedBuffer(payload))
            .forEach(h -> answer.put(h.getKey().toString(), h.getValue().toString()));
        if ((flags & END_STREAM) != 0) {
          return answer;
        }
      } else if (type == DATA && stream == STREAM) {
        answer.merge("body", new String(payload, StandardCharsets.UTF_8), String::concat);
        if ((flags & END_STREAM) != 0) {
          return answer;
        }
      } else if (type == RST_STREAM && stream == STREAM) {
        answer.put("rst_stream", Integer.toString(errorCode(payload, 0)));
        return answer;
      } else if (type == GOAWAY) {
        answer.put("goaway", Integer.toString(errorCode(payload, 4)));
        return answer;
      }
    }
  }

  private static int errorCode(byte[] payload, int offset) {
    return ((payload[offset] & 0xff) << 24)
        | ((payload[offset + 1] & 0xff) << 16)
        | ((payload[offset + 2] & 0xff) << 8)
        | (payload[offset + 3] & 0xff);
  }

  private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload)
      throws IOException {
    out.write(
        new byte[] {
          (byte) (payload.length >>> 16),
          (byte) (payload.length >>> 8),
          (byte) payload.length,
          (byte) type,
          (byte) flags,
          (byte) (stream >>> 24),
          (byte) (stream >>> 16),
          (byte) (stream >>> 8),
          (byte) stream
        });
    out.write(payload);
  }
}
