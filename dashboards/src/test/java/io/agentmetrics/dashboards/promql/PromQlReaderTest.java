package io.agentmetrics.dashboards.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlReaderTest {

  @Test
  void readsAHistogramQuantileFromTheBundledDashboards() {
    QueryFacts q =
        PromQlReader.read(
            "histogram_quantile(0.95, sum by (le, gen_ai_provider_name) (rate("
                + "gen_ai_client_operation_duration_seconds_bucket{job=~\"$job\", instance=~\"$instance\","
                + " gen_ai_provider_name=~\"$provider\"}[$__rate_interval])))");

    assertThat(q.metrics()).containsExactly("gen_ai_client_operation_duration_seconds_bucket");
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
                java.util.Set.of("gen_ai_client_operation_duration_seconds_bucket")));
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
  void readsLabelValuesVariableQueries() {
    QueryFacts q = PromQlReader.readVariableQuery("label_values(up{job=~\"$job\"}, instance)");

    assertThat(q.metrics()).containsExactly("up");
    assertThat(q.groupings())
        .containsExactly(new Grouping("by", List.of("instance"), java.util.Set.of("up")));
    assertThat(PromQlReader.readVariableQuery("label_values(job)").groupings().get(0).labels())
        .containsExactly("job");
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
  void readsEveryQueryOfEveryBundledDashboardAndFindsItsMetrics() {
    int queries = 0;
    for (Dashboard d : Dashboards.loadAll()) {
      for (Panel p : d.panels()) {
        for (Target t : p.targets()) {
          QueryFacts q = PromQlReader.read(t.expr());
          assertThat(q.metrics()).as(t.expr()).isNotEmpty();
          assertThat(q.selectors())
              .as(t.expr())
              .allSatisfy(s -> assertThat(s.metric()).isNotEmpty());
          queries++;
        }
      }
    }
    assertThat(queries).isGreaterThan(100);
  }
}
