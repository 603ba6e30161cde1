package io.agentmetrics.server.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The ingest API's encoding rule: a body is UTF-8, strictly. The JDK's decoder refuses overlong
 * forms, encoded surrogates and cut sequences (Jackson accepts some of them); a NUL byte is refused
 * too, since no JSON text holds one raw and it is how UTF-16 and UTF-32 bodies show (Jackson would
 * otherwise detect and decode them).
 */
final class Utf8Check {

  private static final int CHARS = 8192;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x0101010101010101L;

  /**
   * The length of the body's leading run of ASCII without NUL, eight bytes at a time (rounded down
   * to a word where the run ends). Hand-written because it runs on every ingest request before the
   * JSON parser: most bodies are ASCII through and through and need nothing more, where a byte loop
   * plus the JDK decoder read every byte twice (IngestHttpBenchmark, docs/performance.md).
   */
  private static int asciiPrefix(byte[] body) {
    int i = 0;
    for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
      long word = (long) LONGS.get(body, i);
      // A byte >= 0x80 sets its high bit; with none, (word - 0x01..) & ~word sets the high bit of
      // exactly the bytes that are zero.
      if ((word & HIGH_BITS) != 0 || ((word - LOW_BITS) & ~word & HIGH_BITS) != 0) {
        return i;
      }
    }
    for (; i < body.length; i++) {
      if (body[i] <= 0) {
        return i;
      }
    }
    return i;
  }

  private Utf8Check() {}

  /** Why {@code body} is not strict UTF-8 JSON text, naming the byte offset; null when it is. */
  static String problem(byte[] body) {
    int ascii = asciiPrefix(body);
    if (ascii == body.length) {
      return null;
    }
    for (int i = ascii; i < body.length; i++) {
      if (body[i] == 0) {
        return "the body holds a NUL byte (byte "
            + i
            + "): send JSON in UTF-8, not UTF-16 or UTF-32";
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body, ascii, body.length - ascii);
    CharBuffer out = CharBuffer.allocate(CHARS);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return "the body is not valid UTF-8 (byte " + in.position() + "): send JSON in UTF-8";
      }
      if (result.isUnderflow()) {
        return null;
      }
      out.clear();
    }
  }
}
