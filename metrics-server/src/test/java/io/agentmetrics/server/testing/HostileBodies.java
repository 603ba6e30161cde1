package io.agentmetrics.server.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Request bodies built to fill a size limit with one repeated piece, for hostile-input tests. */
public final class HostileBodies {

  private HostileBodies() {}

  /**
   * {@code head}, then {@code unit} as many times as fits, then {@code tail}: at most {@code
   * maxBytes} in all, UTF-8.
   */
  public static byte[] fill(int maxBytes, String head, String unit, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(maxBytes);
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    byte[] u = unit.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    while (out.size() + u.length + t.length <= maxBytes) {
      out.writeBytes(u);
    }
    out.writeBytes(t);
    return out.toByteArray();
  }
}
