package io.agentmetrics.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes that no well-behaved HTTP client would (broken chunks, bodies cut short, oversized
 * headers) over a plain socket and reads the answer, for hostile-input tests against the real
 * server.
 */
public final class RawHttp {

  /**
   * What came back.
   *
   * @param status the status code, or -1 when nothing came back
   * @param head the status line and headers
   * @param body the body
   * @param closed whether the server closed the connection after answering
   */
  public record Answer(int status, String head, String body, boolean closed) {
    /** A header's value, or null. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code request} to 127.0.0.1:{@code port}, half-closes the connection when {@code
   * halfClose}, and reads the answer (up to 5 s).
   */
  public static Answer exchange(int port, byte[] request, boolean halfClose) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      return read(socket);
    }
  }

  /** A request head (request line and headers, each "Name: value") plus its body. */
  public static byte[] request(String requestLine, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean closed = false;
    int headEnd = -1;
    long contentLength = -1;
    try {
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          closed = true;
          break;
        }
        all.write(buffer, 0, n);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
          contentLength = contentLength(text.substring(0, headEnd));
        }
        if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
          // Whole answer read: does the server close the connection now?
          socket.setSoTimeout(1000);
          closed = closedSoon(in);
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      closed = false;
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return new Answer(-1, text, "", closed);
    }
    String head = text.substring(0, end);
    String[] statusLine = head.split(" ", 3);
    int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
    return new Answer(status, head, text.substring(end + 4), closed);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return -1;
  }

  private static boolean closedSoon(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }
}
