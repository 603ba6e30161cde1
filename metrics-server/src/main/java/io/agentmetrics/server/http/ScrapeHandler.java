package io.agentmetrics.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /metrics}: picks the exposition format from {@code Accept} as Prometheus negotiates
 * (protobuf, OpenMetrics 1.0.0, text 0.0.4) and streams the registry's scrape straight into the
 * response, gzip-compressed when the client accepts it.
 */
final class ScrapeHandler implements Handler {

  private final PrometheusMeterRegistry registry;
  private final ExpositionFormats formats = ExpositionFormats.init();

  ScrapeHandler(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(Context ctx) throws IOException {
    String accept = ctx.header("Accept");
    if (accept == null || accept.isBlank()) {
      accept = "text/plain";
    }
    boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
    HttpServletResponse response = ctx.res();
    response.setStatus(200);
    response.setContentType(formats.findWriter(accept).getContentType());
    response.setHeader("Vary", "Accept, Accept-Encoding");
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    OutputStream body = response.getOutputStream();
    if (gzip) {
      try (GZIPOutputStream compressed = new GZIPOutputStream(body, 16 * 1024)) {
        registry.scrape(compressed, accept);
      }
    } else {
      registry.scrape(body, accept);
      body.flush();
    }
  }

  /** Whether {@code Accept-Encoding} lists gzip (or *) without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] tokens = part.trim().split(";");
      String coding = tokens[0].trim();
      if (!coding.equalsIgnoreCase("gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < tokens.length; i++) {
        String param = tokens[i].trim().replace(" ", "");
        if (param.startsWith("q=")) {
          refused = param.matches("q=0(\\.0*)?");
        }
      }
      return !refused;
    }
    return false;
  }
}
