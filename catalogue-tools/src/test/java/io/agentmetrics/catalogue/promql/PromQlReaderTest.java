package io.agentmetrics.catalogue.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlReaderTest {

  @Test
  void readsAHistogramQuantileWithGrafanaVariables() {
    QueryFacts q =
        PromQlReader.read(
            "histogram_quantile(0.95, sum by (le, gen_ai_provider_name) (rate("
                + "gen_ai_client_inference_duration_seconds_bucket{job=~\"$job\", instance=~\"$instance\","
                + " gen_ai_provider_name=~\"$provider\"}[$__rate_interval])))");

    assertThat(q.metrics()).containsExactly("gen_ai_client_inference_duration_seconds_bucket");
    Selector s = q.selectors().get(0);
    assertThat(s.matchers())
        .containsExactly(
            new Matcher("job", "=~", "$job"),
            new Matcher("instance", "=~", "$instance"),
            new Matcher("gen_ai_provider_name", "=~", "$provider"));
    assertThat(s.range()).isEqualTo("$__rate_interval");
    assertThat(s.function()).isEqualTo("rate");
    assertThat(q.groupings())
        .containsExactly(
            new Grouping(
                "by",
                List.of("le", "gen_ai_provider_name"),
                java.util.Set.of("gen_ai_client_inference_duration_seconds_bucket")));
    assertThat(q.functions()).containsExactly("histogram_quantile", "sum", "rate");
  }

  @Test
  void groupingsApplyOnlyToTheMetricsInsideTheirAggregation() {
    QueryFacts q =
        PromQlReader.read(
            "sum by (cache) (rate(a_total{result=\"hit\"}[5m])) / sum(rate(b_total[5m])) by (store)");

    assertThat(q.groupings())
        .containsExactly(
            new Grouping("by", List.of("cache"), java.util.Set.of("a_total")),
            new Grouping("by", List.of("store"), java.util.Set.of("b_total")));
  }

  @Test
  void readsWithoutAndVectorMatchingClauses() {
    QueryFacts q =
        PromQlReader.read(
            "sum without (instance) (x) * on (job) group_left (version) max by (job, version) (y)");

    assertThat(q.groupings())
        .extracting(Grouping::clause, Grouping::labels)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("without", List.of("instance")),
            org.assertj.core.groups.Tuple.tuple("by", List.of("job", "version")),
            org.assertj.core.groups.Tuple.tuple("on", List.of("job")),
            org.assertj.core.groups.Tuple.tuple("group_left", List.of("version")));
    assertThat(q.groupings().stream().filter(g -> !g.aggregation()))
        .allSatisfy(g -> assertThat(g.metrics()).containsExactlyInAnyOrder("x", "y"));
  }

  @Test
  void keywordsNumbersAndFunctionsAreNotMetrics() {
    QueryFacts q =
        PromQlReader.read(
            "topk(10, sum(increase(c_total[$__range] offset 5m))) or vector(0) and on() (time() > 0)"
                + " unless bool inf");

    assertThat(q.metrics()).containsExactly("c_total");
    assertThat(q.selectors().get(0).function()).isEqualTo("increase");
  }

  @Test
  void readsNameMatchersStringsWithQuotesAndSubqueries() {
    QueryFacts q =
        PromQlReader.read(
            "max_over_time({__name__=\"up\", job='a\\'b'}[5m:1m]) + `raw\\string` * m:recorded");

    assertThat(q.metrics()).containsExactly("up", "m:recorded");
    assertThat(q.selectors().get(0).matcher("job")).contains(new Matcher("job", "=", "a\\'b"));
    assertThat(q.selectors().get(0).range()).isEqualTo("5m:1m");
  }

  @Test
  void reportsUnreadableQueries() {
    assertThatThrownBy(() -> PromQlReader.read("sum(rate(x[5m]))) "))
        .isInstanceOf(PromQlException.class)
        .hasMessageContaining("unbalanced");
    assertThatThrownBy(() -> PromQlReader.read("x{job=~}"))
        .isInstanceOf(PromQlException.class)
        .hasMessageContaining("expected STRING");
    assertThatThrownBy(() -> PromQlReader.read("x{job=\"a}"))
        .isInstanceOf(PromQlException.class)
        .hasMessageContaining("unclosed string");
  }

  @Test
  void readsRuleExpressionsWithComparisonsOffsetsAndRecordedSeries() {
    QueryFacts q =
        PromQlReader.read(
            "histogram_quantile(0.95, a:b:rate5m) > 1e3 and vector(1) unless"
                + " avg_over_time(up[30m] offset 1h) == bool 0");

    assertThat(q.selectors()).extracting(Selector::metric).containsExactly("a:b:rate5m", "up");
    assertThat(q.selectors().get(1).range()).isEqualTo("30m");
  }

  @Test
  void readsMatchersOfEveryOperatorAndQuoting() {
    QueryFacts q =
        PromQlReader.read(
            "sum by (job, gen_ai_agent_name) (rate(x_total{status=~\"error|timeout\","
                + " job!='a', k=`c`, m!~\"d.*\"}[5m])) > 0.05");

    assertThat(q.selectors().get(0).matchers())
        .containsExactly(
            new Matcher("status", "=~", "error|timeout"),
            new Matcher("job", "!=", "a"),
            new Matcher("k", "=", "c"),
            new Matcher("m", "!~", "d.*"));
    assertThat(q.groupings())
        .containsExactly(
            new Grouping("by", List.of("job", "gen_ai_agent_name"), java.util.Set.of("x_total")));
  }
}
