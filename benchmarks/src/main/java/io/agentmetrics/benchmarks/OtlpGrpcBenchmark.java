package io.agentmetrics.benchmarks;

import io.grpc.CallOptions;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Spans per second through OTLP/gRPC's {@code TraceService/Export} over loopback: the load of
 * {@link OtlpHttpBenchmark} (the same request of {@value OtlpBenchmark#BATCH} GenAI spans, each
 * answer checked to be an empty export response), sent by grpc-java's client on one channel (one
 * HTTP/2 connection, as an SDK exporter keeps) instead of HTTP/1.1 POSTs. Client and server share
 * the machine's cores. The score is spans per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(OtlpBenchmark.BATCH)
public class OtlpGrpcBenchmark {

  /** Requests and responses as bytes: the client side of the call costs a copy, no parse. */
  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new KnownLengthBytes(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  /**
   * A request whose length grpc-java can read without copying it through a buffer chain, as the
   * OpenTelemetry SDKs' own gRPC marshalers declare theirs.
   */
  private static final class KnownLengthBytes extends ByteArrayInputStream implements KnownLength {
    KnownLengthBytes(byte[] bytes) {
      super(bytes);
    }
  }

  private static final MethodDescriptor<byte[], byte[]> EXPORT =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(
              MethodDescriptor.generateFullMethodName(TraceServiceGrpc.SERVICE_NAME, "Export"))
          .setRequestMarshaller(BYTES)
          .setResponseMarshaller(BYTES)
          .build();

  /** The server and the channel, shared by the client threads. */
  @State(Scope.Benchmark)
  public static class Server {
    LoopbackServer server;
    ManagedChannel channel;
    byte[] request;

    /** Starts the server with OTLP/gRPC on a free loopback port. */
    @Setup(Level.Trial)
    public void setUp() {
      server = LoopbackServer.withGrpc();
      channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort())
              .usePlaintext()
              .maxInboundMessageSize(64 * 1024 * 1024)
              .build();
      request = OtlpCorpus.traces(OtlpBenchmark.BATCH);
    }

    /** Closes the channel and stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
      channel.shutdownNow();
      server.close();
    }
  }

  @Benchmark
  public int export(Server s) {
    byte[] answer =
        ClientCalls.blockingUnaryCall(
            s.channel,
            EXPORT,
            CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
            s.request);
    if (answer.length != 0) {
      throw new IllegalStateException(
          "TraceService/Export answered " + answer.length + " bytes (a partial success?)");
    }
    return answer.length;
  }
}
