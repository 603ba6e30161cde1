package io.agentmetrics.benchmarks;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * Events per second through {@code POST /api/v1/events} over loopback HTTP: the real server in this
 * JVM, each benchmark thread a client posting NDJSON batches of {@code batch} events and waiting
 * for the 202. Client and server share the machine's cores. The score is requests per second; the
 * tables multiply it by the batch size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IngestHttpBenchmark {

  /** The server and the HTTP client, shared by the client threads. */
  @State(Scope.Benchmark)
  public static class Server {
    @Param({"100", "1000"})
    int batch;

    PrometheusMeterRegistry registry;
    MetricsServer server;
    HttpClient http;
    HttpRequest request;

    /** Starts the server on a free loopback port. */
    @Setup(Level.Trial)
    public void setUp() {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      server =
          MetricsServer.builder()
              .host("127.0.0.1")
              .port(0)
              .registry(registry)
              .metrics(MicrometerAgentMetrics.builder(registry).build())
              .build()
              .start();
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.port() + MetricsServer.EVENTS_PATH))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-ndjson")
              .POST(HttpRequest.BodyPublishers.ofByteArray(EventCorpus.ndjson(0, batch)))
              .build();
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
      server.stop();
      registry.close();
    }
  }

  @Benchmark
  public int postBatch(Server s) throws IOException, InterruptedException {
    HttpResponse<String> response = s.http.send(s.request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202 || !response.body().startsWith("{\"accepted\":" + s.batch)) {
      throw new IllegalStateException(
          "ingest answered " + response.statusCode() + ": " + response.body());
    }
    return response.statusCode();
  }
}
