package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.alerting.PromqlSelectors.Matcher;
import io.agentmetrics.alerting.PromqlSelectors.Selector;
import io.agentmetrics.alerting.PromqlSelectors.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromqlSelectorsTest {

  @Test
  void findsSelectorsMatchersAndGroupingLabels() {
    Usage usage =
        PromqlSelectors.parse(
            "sum by (job, gen_ai_agent_name) (rate(x_total{status=~\"error|timeout\","
                + " job!='a'}[5m])) / on (job) group_left () max(y) without (instance) > 0.05");

    assertThat(usage.selectors())
        .containsExactly(
            new Selector(
                "x_total",
                List.of(
                    new Matcher("status", "=~", "error|timeout"), new Matcher("job", "!=", "a"))),
            new Selector("y", List.of()));
    assertThat(usage.groupingLabels())
        .containsExactlyInAnyOrder("job", "gen_ai_agent_name", "instance");
  }

  @Test
  void skipsFunctionsKeywordsDurationsAndNumbers() {
    Usage usage =
        PromqlSelectors.parse(
            "histogram_quantile(0.95, a:b:rate5m) > 1e3 and vector(1) unless"
                + " avg_over_time(up[30m] offset 1h) == bool 0");

    assertThat(usage.selectors()).extracting(Selector::metric).containsExactly("a:b:rate5m", "up");
  }

  @Test
  void keepsEscapedQuotesInsideValues() {
    Usage usage = PromqlSelectors.parse("m{l=\"a\\\"b\", k=`c`}");

    assertThat(usage.selectors().get(0).matchers())
        .extracting(Matcher::label)
        .containsExactly("l", "k");
  }
}
