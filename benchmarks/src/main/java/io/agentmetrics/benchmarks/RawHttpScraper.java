package io.agentmetrics.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client for {@code ScrapeBenchmark}: one keep-alive connection, the request
 * written once as bytes, the body read into a reused buffer and discarded (with its length or
 * chunked). It stands beside the JDK {@code HttpClient} measurement to show what the server's
 * answer costs without that client's own copying and thread hand-offs, as a scraper written in Go
 * (Prometheus) reads it. Benchmark code only.
 */
final class RawHttpScraper implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] request;
  private final byte[] buffer = new byte[64 * 1024];

  RawHttpScraper(int port, String accept, boolean gzip) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
    request =
        ("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: "
                + accept
                + "\r\n"
                + (gzip ? "Accept-Encoding: gzip\r\n" : "")
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /** One scrape; returns the body's length in bytes as sent. */
  long scrape() throws IOException {
    out.write(request);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("scrape answered " + status);
    }
    long length = -1;
    boolean chunked = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (!chunked) {
      skip(length);
      return length;
    }
    long total = 0;
    for (long size = Long.parseLong(line().trim(), 16); size > 0; ) {
      skip(size);
      total += size;
      line(); // the CRLF after the chunk
      size = Long.parseLong(line().trim(), 16);
    }
    line(); // the empty line after the last chunk
    return total;
  }

  private void skip(long length) throws IOException {
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("connection closed with " + left + " bytes to read");
      }
      left -= n;
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
