package io.agentmetrics.benchmarks;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.MetricsServer;
import io.agentmetrics.server.scrape.FastScrape;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scrape of {@code series} counter series (10 families, 2 labels each) in each format, with and
 * without gzip: through the server's {@code GET /metrics} over loopback HTTP (read by the JDK
 * {@code HttpClient}, and by Apache HttpClient 5, {@link ApacheHttpScraper}), through the server's
 * writer alone ({@code FastScrape}, in process), through {@code
 * PrometheusMeterRegistry.scrape(OutputStream, contentType)}, and through client_java's {@link
 * ExpositionFormats} writer on a client_java registry holding the same series. Sampled, so that the
 * results carry percentiles (p95 is the target).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScrapeBenchmark {

  private static final int FAMILIES = 10;

  /** The registries with the series, and the server serving the Micrometer one. */
  @State(Scope.Benchmark)
  public static class Fixture {
    @Param({"1000", "10000", "100000"})
    int series;

    @Param({"TEXT", "OPENMETRICS", "PROTOBUF"})
    ScrapeFormat format;

    @Param({"false", "true"})
    boolean gzip;

    /**
     * One more meter in the Micrometer registry (issue 27): {@code longTaskTimer}, which the fast
     * writer writes, or {@code functionTimer}, whose family alone it leaves to client_java's
     * writer.
     */
    @Param({"none"})
    String extraMeter;

    PrometheusMeterRegistry micrometer;
    FastScrape fast;
    ApacheHttpScraper apache;
    PrometheusRegistry clientJava;
    ExpositionFormatWriter writer;
    MetricsServer server;
    HttpClient http;
    HttpRequest request;

    /** Fills both registries and starts the server on a free loopback port. */
    @Setup(Level.Trial)
    public void setUp() {
      micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      clientJava = new PrometheusRegistry();
      int perFamily = series / FAMILIES;
      for (int f = 0; f < FAMILIES; f++) {
        String name = "bench_requests_" + f;
        io.prometheus.metrics.core.metrics.Counter clientCounter =
            io.prometheus.metrics.core.metrics.Counter.builder()
                .name(name + "_total")
                .help("Benchmark requests.")
                .labelNames("agent", "series")
                .withoutExemplars()
                .register(clientJava);
        for (int s = 0; s < perFamily; s++) {
          String agent = "agent-" + (s % 8);
          String id = "s-" + s;
          Counter.builder(name)
              .description("Benchmark requests.")
              .tags("agent", agent, "series", id)
              .register(micrometer)
              .increment(s);
          clientCounter.labelValues(agent, id).inc(s);
        }
      }
      switch (extraMeter) {
        case "none" -> {}
        case "longTaskTimer" ->
            LongTaskTimer.builder("bench.long.task").register(micrometer).start();
        case "functionTimer" ->
            FunctionTimer.builder("bench.function", this, f -> 3, f -> 1.5, TimeUnit.SECONDS)
                .register(micrometer);
        default -> throw new IllegalArgumentException("extraMeter: " + extraMeter);
      }
      writer = ExpositionFormats.init().findWriter(format.accept());
      fast = new FastScrape(micrometer);
      server =
          MetricsServer.builder()
              .host("127.0.0.1")
              .port(0)
              .registry(micrometer)
              .metrics(MicrometerAgentMetrics.builder(micrometer).build())
              .build()
              .start();
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", format.accept());
      if (gzip) {
        builder.header("Accept-Encoding", "gzip");
      }
      request = builder.GET().build();
      apache = new ApacheHttpScraper(server.port(), format.accept(), gzip);
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      apache.close();
      server.stop();
      micrometer.close();
    }

    /** Where a scrape is written: discarded, gzip-compressed first when asked. */
    OutputStream sink(Discard discard) throws IOException {
      return gzip ? new GZIPOutputStream(discard, 16 * 1024) : discard;
    }
  }

  @Benchmark
  public long serverHttp(Fixture f) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = f.http.send(f.request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("scrape answered " + response.statusCode());
    }
    return response.body().length;
  }

  /**
   * The server's {@code GET /metrics} read by Apache HttpClient 5 (blocking, keep-alive, body
   * discarded into a reused buffer) instead of the JDK {@code HttpClient}.
   */
  @Benchmark
  public long serverHttpApacheClient(Fixture f) throws IOException {
    return f.apache.scrape();
  }

  /** The server's writer alone (issue 17), in process: what {@code serverHttp} adds is HTTP. */
  @Benchmark
  public long serverWriter(Fixture f) throws IOException {
    Discard discard = new Discard();
    try (FastScrape.Body body = f.fast.scrape(f.format.accept(), "").orElseThrow();
        OutputStream out = f.sink(discard)) {
      body.writeTo(out);
    }
    return discard.bytes();
  }

  @Benchmark
  public long micrometerScrape(Fixture f) throws IOException {
    Discard discard = new Discard();
    try (OutputStream out = f.sink(discard)) {
      f.micrometer.scrape(out, f.format.accept());
    }
    return discard.bytes();
  }

  @Benchmark
  public long clientJavaWriter(Fixture f) throws IOException {
    Discard discard = new Discard();
    try (OutputStream out = f.sink(discard)) {
      f.writer.write(out, f.clientJava.scrape());
    }
    return discard.bytes();
  }
}
