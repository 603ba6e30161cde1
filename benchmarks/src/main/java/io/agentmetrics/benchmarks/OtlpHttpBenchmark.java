package io.agentmetrics.benchmarks;

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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spans per second through {@code POST /v1/traces} over loopback HTTP: the real server in this JVM,
 * each benchmark thread a client posting OTLP protobuf export requests of {@value
 * OtlpBenchmark#BATCH} GenAI spans ({@link OtlpCorpus}) and waiting for the 200. Client and server
 * share the machine's cores. The score is spans per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(OtlpBenchmark.BATCH)
public class OtlpHttpBenchmark {

  /** The server and the HTTP client, shared by the client threads. */
  @State(Scope.Benchmark)
  public static class Server {
    LoopbackServer server;
    HttpRequest request;

    /** Starts the server on a free loopback port. */
    @Setup(Level.Trial)
    public void setUp() {
      server = new LoopbackServer();
      request =
          server.post(
              "/v1/traces", "application/x-protobuf", OtlpCorpus.traces(OtlpBenchmark.BATCH));
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
      server.close();
    }
  }

  @Benchmark
  public int postExport(Server s) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        s.server.http.send(s.request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200 || response.body().length != 0) {
      throw new IllegalStateException(
          "/v1/traces answered "
              + response.statusCode()
              + " with "
              + response.body().length
              + " bytes (a partial success?)");
    }
    return response.statusCode();
  }
}
