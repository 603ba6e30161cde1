package io.agentmetrics.benchmarks;

import java.io.OutputStream;

/** An output stream that counts the bytes written and keeps none: a scrape's cost without I/O. */
final class Discard extends OutputStream {

  private long bytes;

  @Override
  public void write(int b) {
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes += len;
  }

  /** Bytes written so far. */
  long bytes() {
    return bytes;
  }
}
