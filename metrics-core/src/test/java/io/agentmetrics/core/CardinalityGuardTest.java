package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.Direction;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series caps, distinct-value caps, label policies and the meter cache. */
class CardinalityGuardTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void pastTheSeriesCapNewLabelSetsGoToOtherAndTotalsStayCorrect() {
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).seriesCap(3).build();
    for (int round = 0; round < 2; round++) {
      for (int feature = 1; feature <= 5; feature++) {
        metrics.featureUsed("feature-" + feature);
      }
    }

    List<String> lines = new Scrape(registry).lines();
    assertThat(lines)
        .contains(
            "agent_feature_usage_total{feature=\"feature-1\"} 2.0",
            "agent_feature_usage_total{feature=\"feature-2\"} 2.0",
            "agent_feature_usage_total{feature=\"feature-3\"} 2.0",
            "agent_feature_usage_total{feature=\"_other\"} 4.0",
            "agentmetrics_cardinality_overflow_total{metric=\"agent_feature_usage\"} 4.0");
    assertThat(lines).noneMatch(line -> line.contains("feature-4") || line.contains("feature-5"));
    assertThat(sum(new Scrape(registry), "agent_feature_usage_total")).isEqualTo(10.0);
  }

  @Test
  void pastTheSeriesCapBoundedValuesKeepTheirValues() {
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).seriesCap(1).build();
    metrics.llmCall(LlmCall.builder("openai", "gpt-4o").durationSeconds(1).build());
    metrics.llmCall(LlmCall.builder("anthropic", "claude-haiku-4-5").durationSeconds(2).build());

    assertThat(new Scrape(registry).lines())
        .contains(
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-4o\"} 1",
            // Well-known values and the empty error type (a success) are bounded: kept.
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"anthropic\","
                + "gen_ai_request_model=\"_other\"} 1",
            "agentmetrics_cardinality_overflow_total{"
                + "metric=\"gen_ai_client_inference_duration_seconds\"} 1.0");
  }

  @Test
  void aFreeTextLabelPastItsDistinctValueCapOverflows() {
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
    int cap =
        MetricCatalogue.VECTORSTORE_QUERY_DURATION.labels().get(0).policy().maxDistinctValues();
    for (int i = 0; i < cap + 5; i++) {
      metrics.vectorStoreQuery("store-" + i, 0.5);
    }

    Scrape scrape = new Scrape(registry);
    assertThat(scrape.lines())
        .contains(
            "agent_vectorstore_query_duration_seconds_count{store=\"store-0\"} 1",
            "agent_vectorstore_query_duration_seconds_count{store=\"_other\"} 5",
            "agentmetrics_cardinality_overflow_total{"
                + "metric=\"agent_vectorstore_query_duration_seconds\"} 5.0");
    assertThat(sum(scrape, "agent_vectorstore_query_duration_seconds_count")).isEqualTo(cap + 5.0);
  }

  @Test
  void aValueOutsideTheLabelPolicyBecomesOtherAndIsCountedAsInvalid() {
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
    metrics.message("support", "chat #42!", Direction.INBOUND);
    metrics.message(null, "slack", Direction.OUTBOUND);
    metrics.llmCall(LlmCall.builder("Open AI!", "gpt-4o").durationSeconds(1).build());

    assertThat(new Scrape(registry).lines())
        .contains(
            "agent_messages_total{channel=\"_other\",direction=\"inbound\","
                + "gen_ai_agent_name=\"support\"} 1.0",
            "agent_messages_total{channel=\"slack\",direction=\"outbound\","
                + "gen_ai_agent_name=\"_other\"} 1.0",
            "agentmetrics_recordings_rejected_total{metric=\"agent_messages\","
                + "reason=\"invalid_label\"} 2.0",
            "gen_ai_client_inference_duration_seconds_count{error_type=\"\","
                + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"_other\","
                + "gen_ai_request_model=\"gpt-4o\"} 1",
            "agentmetrics_recordings_rejected_total{"
                + "metric=\"gen_ai_client_inference_duration_seconds\",reason=\"invalid_label\"} 1.0");
  }

  @Test
  void aSeenLabelSetReusesItsMeterWithoutBuildingTagsAgain() {
    List<String> created = new ArrayList<>();
    MeterFamily<Counter> family =
        new MeterFamily<>(
            MetricCatalogue.FEATURE_USAGE,
            10,
            tags -> {
              created.add(tags.toString());
              return Counter.builder("probe").tags(tags).register(registry);
            },
            Counter.builder("unused").register(registry),
            GuardReporter.NONE);

    Counter first = family.get("search");
    for (int i = 0; i < 100; i++) {
      assertThat(family.get("search")).isSameAs(first);
    }
    family.get("bad value!");
    family.get("bad value!");

    assertThat(created).hasSize(2);
  }

  @Test
  void aFailingRegistrationIsCountedAndRecordsNowhereWithoutThrowing() {
    List<String> rejected = new ArrayList<>();
    Counter nowhere = Counter.builder("nowhere").register(registry);
    MeterFamily<Counter> family =
        new MeterFamily<>(
            MetricCatalogue.FEATURE_USAGE,
            10,
            tags -> {
              throw new IllegalStateException("a meter filter of the application fails");
            },
            nowhere,
            new GuardReporter() {
              @Override
              public void overflow(String metric) {}

              @Override
              public void rejected(String metric, RejectReason reason) {
                rejected.add(metric + " " + reason.label());
              }
            });

    assertThat(family.get("search")).isSameAs(nowhere);
    assertThat(rejected).containsExactly("agent_feature_usage internal");
  }

  private static double sum(Scrape scrape, String series) {
    return scrape.samples().stream()
        .filter(sample -> sample.name().equals(series))
        .mapToDouble(sample -> Double.parseDouble(sample.value()))
        .sum();
  }
}
