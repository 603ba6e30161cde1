package io.agentmetrics.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON results ({@code -rf json}) into the Markdown tables of {@code
 * docs/performance.md}: each figure next to its ratio against the baseline measured in the same
 * run. Usage: {@code java -cp benchmarks.jar io.agentmetrics.benchmarks.Tables result.json...}.
 */
public final class Tables {

  private final List<Result> results = new ArrayList<>();
  private final PrintStream out;

  private Tables(PrintStream out) {
    this.out = out;
  }

  /** Prints the tables of every result file given. */
  public static void main(String[] args) throws IOException {
    Tables tables = new Tables(System.out);
    ObjectMapper mapper = new ObjectMapper();
    for (String file : args) {
      for (JsonNode node : mapper.readTree(new File(file))) {
        tables.results.add(Result.of(node));
      }
    }
    tables.record("CounterBenchmark", "One counter increment, dynamic labels (3)");
    tables.record("LlmCallBenchmark", "One LLM call (7 meter updates, catalogue v2)");
    tables.scrape();
    tables.ingest();
    tables.ingestHttp();
    tables.otlp();
    tables.otlpHttp();
  }

  private void record(String suite, String title) {
    List<Result> rows = suite(suite);
    if (rows.isEmpty()) {
      return;
    }
    out.printf("%n### %s%n%n", title);
    out.println(
        "| benchmark | threads | ns/op | ± | B/op | × client_java labelValues | × Micrometer builder"
            + " per call |");
    out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Result r : rows) {
      Result client = find(suite, "clientJavaLabelValues", r.threads, r.params);
      Result builder = find(suite, "micrometerBuilderPerCall", r.threads, r.params);
      out.printf(
          "| %s | %d | %s | %s | %s | %s | %s |%n",
          r.method,
          r.threads,
          number(r.score),
          number(r.error),
          number(r.allocated),
          ratio(r, client),
          ratio(r, builder));
    }
  }

  private void scrape() {
    List<Result> rows = suite("ScrapeBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    out.printf("%n### Scrape latency (ms; p50 / p95 of sampled scrapes)%n%n");
    out.println(
        "| series | format | gzip | server /metrics over HTTP | PrometheusMeterRegistry.scrape"
            + " | client_java writer | server p95 × client_java p95 | Micrometer p95 ×"
            + " client_java p95 |");
    out.println("|---:|---|---|---:|---:|---:|---:|---:|");
    Map<String, Map<String, Result>> byParams = new LinkedHashMap<>();
    for (Result r : rows) {
      byParams.computeIfAbsent(r.params.toString(), k -> new LinkedHashMap<>()).put(r.method, r);
    }
    byParams.values().stream()
        .sorted(
            (a, b) -> {
              Map<String, String> pa = a.values().iterator().next().params;
              Map<String, String> pb = b.values().iterator().next().params;
              int bySeries =
                  Integer.compare(
                      Integer.parseInt(pa.get("series")), Integer.parseInt(pb.get("series")));
              if (bySeries != 0) {
                return bySeries;
              }
              int byFormat = pa.get("format").compareTo(pb.get("format"));
              return byFormat != 0 ? byFormat : pa.get("gzip").compareTo(pb.get("gzip"));
            })
        .forEach(
            methods -> {
              Result any = methods.values().iterator().next();
              Result server = methods.get("serverHttp");
              Result micrometer = methods.get("micrometerScrape");
              Result client = methods.get("clientJavaWriter");
              out.printf(
                  "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                  any.params.get("series"),
                  any.params.get("format"),
                  any.params.get("gzip"),
                  percentiles(server),
                  percentiles(micrometer),
                  percentiles(client),
                  ratio(p95(server), p95(client)),
                  ratio(p95(micrometer), p95(client)));
            });
  }

  private void ingest() {
    perItem(
        "IngestBenchmark",
        "parseOnlyNdjson",
        "Ingest without HTTP (per event, batches of 100)",
        "event",
        "parse only");
  }

  private void otlp() {
    perItem(
        "OtlpBenchmark",
        "decodeOnly",
        "OTLP without HTTP (per span, export requests of 512 GenAI spans)",
        "span",
        "decode only");
  }

  /** A suite scored per item of a batch, each row next to the suite's baseline method. */
  private void perItem(String suite, String baseline, String title, String item, String vs) {
    List<Result> rows = suite(suite);
    if (rows.isEmpty()) {
      return;
    }
    out.printf("%n### %s%n%n", title);
    out.printf("| benchmark | threads | ns/%s | ± | %ss/s | B/%s | × %s |%n", item, item, item, vs);
    out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Result r : rows) {
      Result base = find(suite, baseline, r.threads, r.params);
      out.printf(
          "| %s | %d | %s | %s | %s | %s | %s |%n",
          r.method,
          r.threads,
          number(r.score),
          number(r.error),
          number(1e9 / r.score * r.threads),
          number(r.allocated),
          ratio(r, base));
    }
  }

  private void ingestHttp() {
    List<Result> rows = suite("IngestHttpBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    out.printf("%n### Ingest over loopback HTTP (server and clients in one JVM)%n%n");
    out.println("| batch | client threads | requests/s | ± | events/s |");
    out.println("|---:|---:|---:|---:|---:|");
    for (Result r : rows) {
      int batch = Integer.parseInt(r.params.get("batch"));
      out.printf(
          "| %d | %d | %s | %s | %s |%n",
          batch, r.threads, number(r.score), number(r.error), number(r.score * batch));
    }
  }

  private void otlpHttp() {
    List<Result> rows =
        results.stream()
            .filter(r -> r.suite.equals("OtlpHttpBenchmark") || r.suite.equals("OtlpGrpcBenchmark"))
            .toList();
    if (rows.isEmpty()) {
      return;
    }
    out.printf("%n### OTLP over loopback HTTP and gRPC (server and clients in one JVM)%n%n");
    out.println("| protocol | spans per request | client threads | spans/s | ± |");
    out.println("|---|---:|---:|---:|---:|");
    for (Result r : rows) {
      out.printf(
          "| %s | %d | %d | %s | %s |%n",
          r.suite.equals("OtlpGrpcBenchmark") ? "gRPC" : "HTTP/1.1",
          OtlpBenchmark.BATCH,
          r.threads,
          number(r.score),
          number(r.error));
    }
  }

  private List<Result> suite(String suite) {
    return results.stream().filter(r -> r.suite.equals(suite)).toList();
  }

  private Result find(String suite, String method, int threads, Map<String, String> params) {
    return results.stream()
        .filter(r -> r.suite.equals(suite) && r.method.equals(method) && r.threads == threads)
        .filter(r -> r.params.equals(params))
        .findFirst()
        .orElse(null);
  }

  private static String percentiles(Result r) {
    if (r == null) {
      return "-";
    }
    return number(r.p50) + " / " + number(r.p95);
  }

  private static double p95(Result r) {
    return r == null ? Double.NaN : r.p95;
  }

  private static String ratio(Result r, Result baseline) {
    return baseline == null ? "-" : ratio(r.score, baseline.score);
  }

  private static String ratio(double value, double baseline) {
    if (Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f×", value / baseline);
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (Math.abs(value) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** One JMH result: a benchmark method with its parameters and thread count. */
  private record Result(
      String suite,
      String method,
      int threads,
      Map<String, String> params,
      double score,
      double error,
      double p50,
      double p95,
      double allocated) {

    static Result of(JsonNode node) {
      String[] name = node.get("benchmark").asText().split("\\.");
      Map<String, String> params = new LinkedHashMap<>();
      JsonNode p = node.get("params");
      if (p != null) {
        p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      }
      JsonNode primary = node.get("primaryMetric");
      JsonNode percentiles = primary.get("scorePercentiles");
      JsonNode alloc = node.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
      return new Result(
          name[name.length - 2],
          name[name.length - 1],
          node.get("threads").asInt(),
          params,
          primary.get("score").asDouble(),
          primary.path("scoreError").asDouble(Double.NaN),
          percentiles.path("50.0").asDouble(Double.NaN),
          percentiles.path("95.0").asDouble(Double.NaN),
          alloc.isMissingNode() ? Double.NaN : alloc.asDouble());
    }
  }
}
