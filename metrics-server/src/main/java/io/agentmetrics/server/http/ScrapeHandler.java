package io.agentmetrics.server.http;

import io.agentmetrics.server.scrape.FastScrape;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /metrics}: the text format and OpenMetrics from {@link FastScrape} (the series' bytes
 * kept, values written), everything else through client_java's own {@link PrometheusScrapeHandler}:
 * it negotiates the exposition format from {@code Accept} as Prometheus does (protobuf,
 * OpenMetrics, text 0.0.4), gzips when the client accepts it, and honours {@code name[]} filters
 * and {@code ?debug=}. Both negotiate the same way and gzip on the same header.
 *
 * <p>The adapter from Javalin's {@link Context} to client_java's {@link PrometheusHttpExchange} is
 * written here because {@code prometheus-metrics-exporter-servlet-jakarta} is not served at the
 * client_java version Micrometer 1.17 is built on (1.7.0); it only passes calls through.
 */
final class ScrapeHandler implements Handler {

  private final PrometheusScrapeHandler scrape;
  private final FastScrape fast;

  ScrapeHandler(PrometheusMeterRegistry registry) {
    this.scrape = new PrometheusScrapeHandler(registry.getPrometheusRegistry());
    this.fast = new FastScrape(registry);
  }

  @Override
  public void handle(Context ctx) throws IOException {
    ctx.header("Vary", "Accept, Accept-Encoding");
    Optional<FastScrape.Body> body = fast.scrape(ctx.header("Accept"), ctx.queryString());
    if (body.isEmpty()) {
      scrape.handleRequest(new JavalinExchange(ctx));
      return;
    }
    try (FastScrape.Body scrape = body.get()) {
      ctx.status(200);
      ctx.header("Content-Type", scrape.contentType());
      if (acceptsGzip(ctx)) {
        ctx.header("Content-Encoding", "gzip");
        try (GZIPOutputStream gzip = new GZIPOutputStream(ctx.res().getOutputStream(), 64 * 1024)) {
          scrape.writeTo(gzip);
        }
      } else {
        ctx.res().setContentLength(scrape.length());
        scrape.writeTo(ctx.res().getOutputStream());
      }
    }
  }

  /** As client_java decides: any {@code Accept-Encoding} header that names gzip. */
  private static boolean acceptsGzip(Context ctx) {
    Enumeration<String> values = ctx.req().getHeaders("Accept-Encoding");
    while (values != null && values.hasMoreElements()) {
      for (String encoding : values.nextElement().split(",")) {
        if (encoding.trim().equalsIgnoreCase("gzip")) {
          return true;
        }
      }
    }
    return false;
  }

  /** One request and its response as client_java sees them. */
  private record JavalinExchange(Context ctx)
      implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

    @Override
    public PrometheusHttpRequest getRequest() {
      return this;
    }

    @Override
    public PrometheusHttpResponse getResponse() {
      return this;
    }

    @Override
    public String getQueryString() {
      return ctx.queryString();
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      Enumeration<String> values = ctx.req().getHeaders(name);
      return values == null ? Collections.emptyEnumeration() : values;
    }

    @Override
    public String getMethod() {
      return ctx.method().name();
    }

    @Override
    public String getRequestPath() {
      return ctx.path();
    }

    @Override
    public void setHeader(String name, String value) {
      ctx.header(name, value);
    }

    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength)
        throws IOException {
      ctx.status(statusCode);
      if (contentLength > 0) {
        ctx.res().setContentLength(contentLength);
      }
      return ctx.res().getOutputStream();
    }

    @Override
    public void handleException(IOException e) throws IOException {
      throw e;
    }

    @Override
    public void handleException(RuntimeException e) {
      throw e;
    }

    @Override
    public void close() {
      // Javalin completes the response when the handler returns.
    }
  }
}
