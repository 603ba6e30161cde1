package io.agentmetrics.server.otlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Inflates a gzip body with a hard limit, so that a gzip bomb costs at most the limit. */
public final class GzipBody {

  /** The inflated body would exceed the limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the body inflates to more than the limit of " + limit + " bytes");
    }
  }

  private GzipBody() {}

  /**
   * The inflated {@code body}.
   *
   * @throws TooLarge when it would be larger than {@code limit}
   * @throws IOException when {@code body} is not gzip
   */
  public static byte[] inflate(byte[] body, long limit) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4, 1 << 20));
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new TooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
