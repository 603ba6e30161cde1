package io.agentmetrics.benchmarks;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.ingest.EventBatchParser;
import io.agentmetrics.server.ingest.EventIngester;
import io.agentmetrics.server.ingest.IngestResult;
import io.agentmetrics.server.ingest.MalformedBatchException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ingest API's work per event without HTTP: parsing a batch of {@value #BATCH} events with the
 * server's {@link EventBatchParser}, then validating and recording them with its {@link
 * EventIngester} into a {@link MicrometerAgentMetrics}. Parsing alone is the baseline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(IngestBenchmark.BATCH)
public class IngestBenchmark {

  static final int BATCH = 100;

  /** The server's parser and ingester with every label set of the corpus already seen. */
  @State(Scope.Benchmark)
  public static class Pipeline {
    final EventBatchParser parser = new EventBatchParser();
    EventIngester ingester;
    byte[] ndjson;
    byte[] json;

    /** Builds the pipeline and ingests the corpus once. */
    @Setup
    public void setUp() throws MalformedBatchException {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
      ingester = new EventIngester(metrics, metrics.guardedMeters());
      ndjson = EventCorpus.ndjson(0, BATCH);
      json = EventCorpus.jsonArray(0, BATCH);
      IngestResult result =
          ingester.ingest(
              parser.parse(EventCorpus.ndjson(0, LabelSets.SIZE), EventBatchParser.Format.NDJSON));
      if (result.rejected() != 0) {
        throw new IllegalStateException("the corpus has invalid events: " + result.errors());
      }
    }
  }

  @Benchmark
  public List<?> parseOnlyNdjson(Pipeline p) throws MalformedBatchException {
    return p.parser.parse(p.ndjson, EventBatchParser.Format.NDJSON);
  }

  @Benchmark
  public IngestResult parseAndRecordNdjson(Pipeline p) throws MalformedBatchException {
    return p.ingester.ingest(p.parser.parse(p.ndjson, EventBatchParser.Format.NDJSON));
  }

  @Benchmark
  public IngestResult parseAndRecordJsonArray(Pipeline p) throws MalformedBatchException {
    return p.ingester.ingest(p.parser.parse(p.json, EventBatchParser.Format.JSON));
  }
}
