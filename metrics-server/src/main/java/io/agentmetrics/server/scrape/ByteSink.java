package io.agentmetrics.server.scrape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that a scrape is written into: ASCII names and numbers go in without a
 * {@code Writer} or a {@code CharsetEncoder}, which is most of what client_java's text writer
 * spends its time on (see docs/performance.md). Hand-written because no library writes Prometheus'
 * formats from bytes; the measured target is in issue 17.
 */
final class ByteSink {

  private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  void write(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  void write(byte[] b) {
    write(b, 0, b.length);
  }

  void write(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, bytes, size, length);
    size += length;
  }

  /** This buffer as an {@link OutputStream}, for writers that take one (client_java's). */
  OutputStream asOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        ByteSink.this.write((byte) b);
      }

      @Override
      public void write(byte[] b, int offset, int length) {
        ByteSink.this.write(b, offset, length);
      }
    };
  }

  /** Drops the last {@code n} bytes written. */
  void truncate(int n) {
    size -= n;
  }

  /** Whether the buffer ends with {@code suffix}. */
  boolean endsWith(byte[] suffix) {
    if (suffix.length > size) {
      return false;
    }
    return Arrays.equals(bytes, size - suffix.length, size, suffix, 0, suffix.length);
  }

  /** Writes an ASCII string (names, numbers that Java formats). */
  void writeAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  /** Writes a long in decimal. */
  void writeLong(long value) {
    if (value == Long.MIN_VALUE) {
      writeAscii(Long.toString(value));
      return;
    }
    ensure(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    int start = size;
    do {
      bytes[size++] = DIGITS[(int) (value % 10)];
      value /= 10;
    } while (value != 0);
    for (int i = start, j = size - 1; i < j; i++, j--) {
      byte t = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = t;
    }
  }

  /**
   * Writes a double as client_java's writers do ({@code Double.toString}, with {@code +Inf}, {@code
   * -Inf} and {@code NaN}); whole numbers below 2^53 without allocating.
   */
  void writeDouble(double value) {
    if (value == Double.POSITIVE_INFINITY) {
      writeAscii("+Inf");
    } else if (value == Double.NEGATIVE_INFINITY) {
      writeAscii("-Inf");
    } else if (Double.isNaN(value)) {
      writeAscii("NaN");
    } else if (value == Math.rint(value)
        && Math.abs(value) < 1e7
        && !(value == 0 && 1 / value < 0)) {
      // Double.toString writes whole numbers below 10^7 as "123.0".
      writeLong((long) value);
      write((byte) '.');
      write((byte) '0');
    } else {
      writeAscii(Double.toString(value));
    }
  }

  /** A protobuf varint. */
  void writeVarint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  /** A protobuf fixed64 double, little-endian. */
  void writeFixedDouble(double value) {
    long bits = Double.doubleToRawLongBits(value);
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (bits >>> (8 * i));
    }
  }

  /** Appends another sink's bytes. */
  void write(ByteSink other) {
    ensure(other.size);
    System.arraycopy(other.bytes, 0, bytes, size, other.size);
    size += other.size;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
