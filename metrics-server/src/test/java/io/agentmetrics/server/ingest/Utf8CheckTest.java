package io.agentmetrics.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The strict UTF-8 rule at every offset, so the word-at-a-time scan and the decoder agree. */
class Utf8CheckTest {

  private static byte[] ascii(int length) {
    byte[] body = new byte[length];
    Arrays.fill(body, (byte) 'a');
    return body;
  }

  @Test
  void asciiAndValidUtf8OfAnyLengthPass() {
    for (int length = 0; length < 40; length++) {
      assertThat(Utf8Check.problem(ascii(length))).as("length %d", length).isNull();
      for (int at = 0; at + 4 <= length; at++) {
        byte[] body = ascii(length);
        byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8); // 4 bytes
        System.arraycopy(emoji, 0, body, at, emoji.length);
        assertThat(Utf8Check.problem(body)).as("emoji at %d of %d", at, length).isNull();
      }
    }
  }

  @Test
  void aNulByteIsFoundWhereverItIs() {
    for (int length = 1; length < 40; length++) {
      for (int at = 0; at < length; at++) {
        byte[] body = ascii(length);
        body[at] = 0;
        assertThat(Utf8Check.problem(body))
            .as("NUL at %d of %d", at, length)
            .isEqualTo(
                "the body holds a NUL byte (byte "
                    + at
                    + "): send JSON in UTF-8, not UTF-16 or UTF-32");
      }
    }
    byte[] afterUtf8 = "é\u0000".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8Check.problem(afterUtf8)).contains("NUL byte (byte 2)");
  }

  @Test
  void invalidSequencesAreFoundWithTheirOffset() {
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xFF},
      {(byte) 0xC3}, // cut short at the end
    };
    for (byte[] sequence : bad) {
      for (int prefix = 0; prefix < 20; prefix++) {
        byte[] body = Arrays.copyOf(ascii(prefix), prefix + sequence.length);
        System.arraycopy(sequence, 0, body, prefix, sequence.length);
        assertThat(Utf8Check.problem(body))
            .as("%s after %d ASCII bytes", Arrays.toString(sequence), prefix)
            .isEqualTo("the body is not valid UTF-8 (byte " + prefix + "): send JSON in UTF-8");
      }
    }
  }
}
