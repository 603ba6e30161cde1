package io.agentmetrics.server.scrape;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} in the Prometheus text format, OpenMetrics and protobuf without client_java's
 * snapshots: the series of a {@link PrometheusMeterRegistry} are kept with their name-and-labels
 * bytes ({@link MeterFamilies}) and a scrape writes bytes and values only ({@link TextExposition},
 * {@link ProtobufExposition}). The format is the one client_java would negotiate for the same
 * {@code Accept} header; for filtered ({@code name[]}) or debug scrapes, and while the registry
 * holds a meter it cannot write exactly as Micrometer does, it answers empty and client_java serves
 * the scrape (the latter logged once, since those scrapes are slower).
 */
public final class FastScrape {

  private static final Logger LOG = LoggerFactory.getLogger(FastScrape.class);

  private final MeterFamilies families;
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final TextExposition text = new TextExposition(false);
  private final TextExposition openMetrics = new TextExposition(true);
  private final ProtobufExposition protobuf = new ProtobufExposition();
  // One buffer kept between scrapes (the usual case: one Prometheus scraping); a scrape that finds
  // it taken (concurrent scrapes) allocates its own.
  private final AtomicReference<ByteSink> spare = new AtomicReference<>(new ByteSink(64 * 1024));
  private final AtomicBoolean toldSlowPath = new AtomicBoolean();

  /** Starts following the registry's meters (existing ones included). */
  public FastScrape(PrometheusMeterRegistry registry) {
    this.families = new MeterFamilies(registry);
  }

  /**
   * The scrape for a request with this {@code Accept} header and query string, or empty when
   * client_java should answer it.
   */
  public Optional<Body> scrape(String accept, String queryString) {
    if (queryString != null && !queryString.isEmpty()) {
      return Optional.empty();
    }
    if (!families.allSupported()) {
      if (toldSlowPath.compareAndSet(false, true)) {
        LOG.info(
            "/metrics is served by client_java's slower writer while the registry holds meters"
                + " the fast writer does not write, e.g. {}: long task timers, function timers,"
                + " client-side percentiles. Use timers or histograms instead to scrape faster.",
            families.unsupportedExample());
      }
      return Optional.empty();
    }
    ExpositionFormatWriter writer = formats.findWriter(accept);
    ByteSink taken = spare.getAndSet(null);
    ByteSink sink = taken != null ? taken : new ByteSink(64 * 1024);
    sink.reset();
    if (writer instanceof OpenMetricsTextFormatWriter) {
      openMetrics.write(families, sink);
    } else if (writer instanceof PrometheusTextFormatWriter) {
      text.write(families, sink);
    } else if (writer instanceof PrometheusProtobufWriter) {
      protobuf.write(families, sink);
    } else {
      spare.set(sink);
      return Optional.empty();
    }
    return Optional.of(new Body(writer.getContentType(), sink, spare));
  }

  /** A written scrape; {@link #close()} hands its buffer back for the next scrape. */
  public static final class Body implements AutoCloseable {
    private final String contentType;
    private final ByteSink bytes;
    private final AtomicReference<ByteSink> spare;

    Body(String contentType, ByteSink bytes, AtomicReference<ByteSink> spare) {
      this.contentType = contentType;
      this.bytes = bytes;
      this.spare = spare;
    }

    /** Returns the buffer; the body must not be written afterwards. */
    @Override
    public void close() {
      spare.set(bytes);
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
