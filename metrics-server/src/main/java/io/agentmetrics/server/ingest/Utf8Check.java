package io.agentmetrics.server.ingest;

import java.nio.ByteBuffer;
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

  private Utf8Check() {}

  /** Why {@code body} is not strict UTF-8 JSON text, naming the byte offset; null when it is. */
  static String problem(byte[] body) {
    for (int i = 0; i < body.length; i++) {
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
    ByteBuffer in = ByteBuffer.wrap(body);
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
