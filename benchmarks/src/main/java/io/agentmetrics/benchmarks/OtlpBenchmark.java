package io.agentmetrics.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.otlp.OtlpReceiver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The OTLP receiver's work per span without HTTP: an export request of {@value #BATCH} GenAI spans
 * (the SDKs' default batch; {@link OtlpCorpus}) decoded from protobuf, then mapped and recorded by
 * the server's {@link OtlpReceiver} into a {@link MicrometerAgentMetrics}. Decoding alone is the
 * baseline. The score is per span.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(OtlpBenchmark.BATCH)
public class OtlpBenchmark {

  static final int BATCH = 512;

  /** The receiver, with every label set of the corpus already seen. */
  @State(Scope.Benchmark)
  public static class Receiver {
    ScheduledExecutorService timer;
    OtlpReceiver receiver;
    byte[] request;

    /** Builds the receiver and receives the corpus once. */
    @Setup
    public void setUp() throws InvalidProtocolBufferException {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
      timer = Executors.newSingleThreadScheduledExecutor();
      receiver = new OtlpReceiver(metrics, timer);
      request = OtlpCorpus.traces(BATCH);
      ExportTraceServiceResponse response =
          receiver.traces(ExportTraceServiceRequest.parseFrom(request));
      if (response.hasPartialSuccess()) {
        throw new IllegalStateException("the corpus has refused spans: " + response);
      }
    }

    /** Stops the receiver's timer. */
    @TearDown
    public void tearDown() {
      timer.shutdownNow();
    }
  }

  @Benchmark
  public ExportTraceServiceRequest decodeOnly(Receiver r) throws InvalidProtocolBufferException {
    return ExportTraceServiceRequest.parseFrom(r.request);
  }

  @Benchmark
  public ExportTraceServiceResponse decodeMapAndRecord(Receiver r)
      throws InvalidProtocolBufferException {
    return r.receiver.traces(ExportTraceServiceRequest.parseFrom(r.request));
  }
}
