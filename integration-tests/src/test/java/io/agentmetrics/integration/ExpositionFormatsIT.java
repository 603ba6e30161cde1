package io.agentmetrics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.integration.stack.Stack;
import io.agentmetrics.integration.support.Ingest;
import io.agentmetrics.integration.support.ScrapeProxy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario e: a real Prometheus scrapes the same metrics server in each exposition format the
 * server offers (Prometheus text 0.0.4, OpenMetrics 1.0.0, protobuf) and in the one Prometheus
 * negotiates by itself; the samples it stores agree. A {@link ScrapeProxy} pins the {@code Accept}
 * header per scrape job and records the content type served, so each job provably got its format.
 */
@Order(4)
@DisplayName("e. Exposition formats")
@ExtendWith(EndToEnd.class)
class ExpositionFormatsIT {

  private static final String PROTOBUF =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

  /** Scrape path to the Accept header the proxy sends for it. */
  private static final Map<String, String> ACCEPT =
      Map.of(
          "/text", "text/plain;version=0.0.4",
          "/openmetrics", "application/openmetrics-text;version=1.0.0",
          "/protobuf", PROTOBUF);

  /** Scrape path to the media type the server must answer with. */
  private static final Map<String, String> MEDIA_TYPE =
      Map.of(
          "/text", "text/plain; version=0.0.4",
          "/openmetrics", "application/openmetrics-text; version=1.0.0",
          "/protobuf", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily");

  private static final String AGENT = "formats-check";
  private static final String MODEL = "formats-model";

  @Test
  @DisplayName("text, OpenMetrics, protobuf and the negotiated format give the same samples")
  void everyFormatGivesTheSameSamples(Environment environment) throws IOException {
    Stack stack = environment.stack();
    try (ScrapeProxy proxy = ScrapeProxy.start(stack.server().resolve("/metrics"), ACCEPT)) {
      Map<String, String> jobs = jobs();
      String config = prometheusConfig(jobs, stack.hostAddress(proxy.port()));
      try (Stack.ExtraPrometheus prometheus = stack.startPrometheus("prometheus-formats", config)) {
        PrometheusClient api = new PrometheusClient(prometheus.uri());
        new Ingest(stack.server()).push(events());
        AtomicInteger compared = new AtomicInteger();

        await("every format scraped with the pushed values")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(
                () -> {
                  Map<String, Map<String, Double>> samples = new LinkedHashMap<>();
                  for (Map.Entry<String, String> job : jobs.entrySet()) {
                    assertThat(api.vector("up{job=\"" + job.getValue() + "\"} == 1"))
                        .as(job.getValue() + " up")
                        .hasSize(1);
                    assertThat(
                            api.vector(
                                "sum(gen_ai_client_inference_duration_seconds_count{job=\""
                                    + job.getValue()
                                    + "\", gen_ai_request_model=\""
                                    + MODEL
                                    + "\"})"))
                        .as(job.getValue() + ": the 3 pushed LLM calls")
                        .singleElement()
                        .satisfies(r -> assertThat(r.at("/value/1").asDouble()).isEqualTo(3.0));
                    samples.put(job.getKey(), samples(api, job.getValue()));
                  }
                  Map<String, Double> text = samples.get("/text");
                  assertThat(text).hasSizeGreaterThan(10);
                  compared.set(text.size());
                  samples.forEach(
                      (path, values) -> assertThat(values).as(path + " vs /text").isEqualTo(text));
                });

        for (Map.Entry<String, String> mediaType : MEDIA_TYPE.entrySet()) {
          assertThat(proxy.lastScrape(mediaType.getKey()))
              .as("content type served on " + mediaType.getKey())
              .hasValueSatisfying(
                  scrape -> assertThat(scrape.contentType()).startsWith(mediaType.getValue()));
        }
        ScrapeProxy.Scrape negotiated = proxy.lastScrape(ScrapeProxy.NEGOTIATED).orElseThrow();
        environment.note(
            compared.get()
                + " pushed series equal in "
                + jobs.size()
                + " jobs (text, OpenMetrics, protobuf, negotiated); Prometheus by itself asked for '"
                + negotiated.prometheusAccept()
                + "' and got "
                + negotiated.contentType());

        await("every format exposes the same metric names")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(
                () -> {
                  Set<String> text = metricNames(api, jobs.get("/text"));
                  assertThat(text)
                      .contains(
                          "jvm_memory_used_bytes",
                          "gen_ai_client_inference_operation_input_tokens_bucket");
                  for (String job : jobs.values()) {
                    assertThat(metricNames(api, job)).as(job + " vs text").isEqualTo(text);
                  }
                });
      }
    }
  }

  /** Scrape path to job name, the negotiated one included. */
  private static Map<String, String> jobs() {
    Map<String, String> jobs = new LinkedHashMap<>();
    for (String path : new TreeSet<>(ACCEPT.keySet())) {
      jobs.put(path, "formats" + path.replace('/', '-'));
    }
    jobs.put(ScrapeProxy.NEGOTIATED, "formats-negotiated");
    return jobs;
  }

  private static String prometheusConfig(Map<String, String> jobs, String proxyAddress) {
    String interval = Environment.INTERVAL.toSeconds() + "s";
    StringBuilder yaml = new StringBuilder();
    yaml.append("global:\n  scrape_interval: ").append(interval);
    yaml.append("\n  scrape_timeout: ").append(interval).append("\nscrape_configs:\n");
    jobs.forEach(
        (path, job) ->
            yaml.append("  - job_name: ")
                .append(job)
                .append("\n    metrics_path: ")
                .append(path)
                .append("\n    static_configs:\n      - targets: ['")
                .append(proxyAddress)
                .append("']\n"));
    return yaml.toString();
  }

  /** Counters, histograms and gauges with labels nothing else uses. */
  private static List<Map<String, Object>> events() {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("type", "llm_call");
      call.put("provider", "cohere");
      call.put("model", MODEL);
      call.put("agent", AGENT);
      call.put("duration_seconds", 0.25 * (i + 1));
      call.put("input_tokens", 1000 + i);
      call.put("output_tokens", 250);
      call.put("cost_usd", 0.0125);
      events.add(call);
    }
    events.add(
        Map.of("type", "agent_run", "agent", AGENT, "status", "success", "duration_seconds", 1.5));
    events.add(
        Map.of("type", "agent_run", "kind", "sessions", "agent", AGENT, "active_sessions", 4));
    events.add(Map.of("type", "task", "kind", "queue", "queue", "formats-queue", "depth", 7));
    return events;
  }

  /**
   * The samples of the pushed series in one job, keyed by name and labels (job, instance left out).
   */
  private static Map<String, Double> samples(PrometheusClient api, String job) {
    String selector =
        "{job=\"%s\", gen_ai_agent_name=\"%s\"} or {job=\"%s\", gen_ai_request_model=\"%s\"}"
            + " or {job=\"%s\", queue=\"formats-queue\"}";
    Map<String, Double> samples = new TreeMap<>();
    for (JsonNode series : api.vector(String.format(selector, job, AGENT, job, MODEL, job))) {
      samples.put(key(series.path("metric")), series.at("/value/1").asDouble());
    }
    return samples;
  }

  private static String key(JsonNode metric) {
    Map<String, String> labels = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = metric.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("job") || name.equals("instance") || name.equals("__name__")) {
        continue;
      }
      String value = field.getValue().asText();
      labels.put(name, name.equals("le") || name.equals("quantile") ? number(value) : value);
    }
    return metric.path("__name__").asText() + labels;
  }

  /** A bucket bound or quantile as a number, so that {@code 1} and {@code 1.0} are the same. */
  private static String number(String value) {
    return switch (value) {
      case "+Inf", "Inf" -> "+Inf";
      case "-Inf" -> "-Inf";
      default -> Double.toString(Double.parseDouble(value));
    };
  }

  private static Set<String> metricNames(PrometheusClient api, String job) {
    Set<String> names = new TreeSet<>();
    for (JsonNode series : api.vector("group by (__name__) ({job=\"" + job + "\"})")) {
      String name = series.at("/metric/__name__").asText();
      if (!name.endsWith("_created")) {
        names.add(name);
      }
    }
    return names;
  }
}
