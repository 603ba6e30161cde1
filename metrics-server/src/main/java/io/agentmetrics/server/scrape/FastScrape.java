package io.agentmetrics.server.scrape;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} in the Prometheus text format, OpenMetrics and protobuf without client_java's
 * snapshots: the series of a {@link PrometheusMeterRegistry} are kept with their name-and-labels
 * bytes ({@link MeterFamilies}) and a scrape writes bytes and values only ({@link TextExposition},
 * {@link ProtobufExposition}). The format is the one client_java would negotiate for the same
 * {@code Accept} header. The families of meters it cannot write exactly as Micrometer does
 * (function timers, client-side percentiles, custom meters) are written by client_java's writer for
 * the same format into the same body, family by family, so one such meter does not slow down the
 * scrape of the others (logged once). For filtered ({@code name[]}) or debug scrapes it answers
 * empty and client_java serves the whole scrape.
 */
public final class FastScrape {

  private static final Logger LOG = LoggerFactory.getLogger(FastScrape.class);

  private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

  private final MeterFamilies families;
  private final ForeignCollectors foreignCollectors;
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
    this.foreignCollectors = new ForeignCollectors(registry);
  }

  /**
   * The scrape for a request with this {@code Accept} header and query string, or empty when
   * client_java should answer it.
   */
  public Optional<Body> scrape(String accept, String queryString) {
    if (queryString != null && !queryString.isEmpty()) {
      return Optional.empty();
    }
    ExpositionFormatWriter writer = formats.findWriter(accept);
    if (!(writer instanceof OpenMetricsTextFormatWriter
        || writer instanceof PrometheusTextFormatWriter
        || writer instanceof PrometheusProtobufWriter)) {
      return Optional.empty();
    }
    Set<String> foreign = families.foreignNames();
    ByteSink taken = spare.getAndSet(null);
    ByteSink sink = taken != null ? taken : new ByteSink(64 * 1024);
    sink.reset();
    if (writer instanceof OpenMetricsTextFormatWriter) {
      openMetrics.write(families, foreign, sink);
    } else if (writer instanceof PrometheusTextFormatWriter) {
      text.write(families, foreign, sink);
    } else {
      protobuf.write(families, foreign, sink);
    }
    if (!foreign.isEmpty()) {
      writeForeign(foreign, writer, sink);
    }
    return Optional.of(new Body(writer.getContentType(), sink, spare));
  }

  /**
   * Appends the foreign families as client_java writes them; client_java's OpenMetrics writer ends
   * with the {@code # EOF} that ours already wrote.
   */
  private void writeForeign(Set<String> foreign, ExpositionFormatWriter writer, ByteSink sink) {
    if (toldSlowPath.compareAndSet(false, true)) {
      LOG.info(
          "/metrics has client_java's slower writer write the families of meters the fast writer"
              + " does not write, e.g. {}: function timers, client-side percentiles, custom"
              + " meters. Use timers or histograms instead to scrape them faster.",
          families.unsupportedExample());
    }
    MetricSnapshots snapshots = foreignCollectors.collect(foreign);
    if (sink.endsWith(EOF) && writer instanceof OpenMetricsTextFormatWriter) {
      sink.truncate(EOF.length);
    }
    try {
      writer.write(sink.asOutputStream(), snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException("writing into memory cannot fail", e);
    }
  }

  /** Whether the foreign families alone are collected for client_java's writer. */
  boolean collectsForeignFamiliesAlone() {
    return foreignCollectors.direct();
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
