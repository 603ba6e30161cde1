package io.agentmetrics.server.scrape;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code /metrics} in the Prometheus text format and OpenMetrics without client_java's snapshots:
 * the series of a {@link PrometheusMeterRegistry} are kept with their name-and-labels bytes ({@link
 * MeterFamilies}) and a scrape writes bytes and values only ({@link TextExposition}). The format is
 * the one client_java would negotiate for the same {@code Accept} header; for protobuf, filtered
 * ({@code name[]}) or debug scrapes, and while the registry holds a meter it cannot write exactly
 * as Micrometer does, it answers empty and client_java serves the scrape.
 */
public final class FastScrape {

  private final MeterFamilies families;
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final TextExposition text = new TextExposition(false);
  private final TextExposition openMetrics = new TextExposition(true);
  private volatile int lastSize = 64 * 1024;

  /** Starts following the registry's meters (existing ones included). */
  public FastScrape(PrometheusMeterRegistry registry) {
    this.families = new MeterFamilies(registry);
  }

  /**
   * The scrape for a request with this {@code Accept} header and query string, or empty when
   * client_java should answer it.
   */
  public Optional<Body> scrape(String accept, String queryString) {
    if (queryString != null && !queryString.isEmpty() || !families.allSupported()) {
      return Optional.empty();
    }
    ExpositionFormatWriter writer = formats.findWriter(accept);
    TextExposition exposition;
    if (writer instanceof OpenMetricsTextFormatWriter) {
      exposition = openMetrics;
    } else if (writer instanceof PrometheusTextFormatWriter) {
      exposition = text;
    } else {
      return Optional.empty();
    }
    ByteSink sink = new ByteSink(lastSize + lastSize / 8);
    exposition.write(families, sink);
    lastSize = sink.size();
    return Optional.of(new Body(writer.getContentType(), sink));
  }

  /** A written scrape. */
  public static final class Body {
    private final String contentType;
    private final ByteSink bytes;

    Body(String contentType, ByteSink bytes) {
      this.contentType = contentType;
      this.bytes = bytes;
    }

    /** The Content-Type client_java would send for the same format. */
    public String contentType() {
      return contentType;
    }

    /** Its length in bytes. */
    public int length() {
      return bytes.size();
    }

    /** Writes it. */
    public void writeTo(OutputStream out) throws IOException {
      bytes.writeTo(out);
    }
  }
}
