package io.agentmetrics.benchmarks;

import io.agentmetrics.server.MetricsServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    LoopbackServer server;
    HttpRequest request;

    /** Starts the server on a free loopback port. */
    @Setup(Level.Trial)
    public void setUp() {
      server = new LoopbackServer();
      request =
          server.post(
              MetricsServer.EVENTS_PATH, "application/x-ndjson", EventCorpus.ndjson(0, batch));
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
      server.close();
    }
  }

  @Benchmark
  public int postBatch(Server s) throws IOException, InterruptedException {
    HttpResponse<String> response =
        s.server.http.send(s.request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202 || !response.body().startsWith("{\"accepted\":" + s.batch)) {
      throw new IllegalStateException(
          "ingest answered " + response.statusCode() + ": " + response.body());
    }
    return response.statusCode();
  }
}
