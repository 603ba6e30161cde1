package io.agentmetrics.dashboards.interpolate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInVariablesTest {

  private static final Instant TO = Instant.parse("2026-11-22T12:00:00Z");

  private static QueryOptions lastRange(Duration range, String scrapeInterval) {
    return QueryOptions.of(TO.minus(range), TO, 1000, scrapeInterval);
  }

  // "$__rate_interval ... is defined as max($__interval + Scrape interval, 4 * Scrape interval),
  // where Scrape interval is the Min step setting ... or the data source's Scrape interval
  // (15s by default)."
  // https://grafana.com/docs/grafana/latest/datasources/prometheus/template-variables/#use-__rate_interval
  @Test
  void rateIntervalIsFourScrapeIntervalsOnShortRanges() {
    // No scrape interval configured: 1h / 1000 points = 3.6s, rounded to 5s, but the data
    // source's default scrape interval (15s) is the lower bound; $__rate_interval =
    // max(15s + 15s, 4 x 15s) = 1m.
    BuiltInVariables v = BuiltInVariables.compute(lastRange(Duration.ofHours(1), ""));

    assertThat(v.frontendInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(v.rateInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(v.apply("rate(x[$__rate_interval])")).isEqualTo("rate(x[1m0s])");
  }

  @Test
  void withNoScrapeIntervalTheDataSourcesFifteenSecondsIsTheLowerBound() {
    // 5m / 1000 points = 300ms: Grafana's Prometheus data source queries with a 15s step.
    BuiltInVariables v = BuiltInVariables.compute(lastRange(Duration.ofMinutes(5), ""));

    assertThat(v.step()).isEqualTo(Duration.ofSeconds(15));
    assertThat(v.apply("$__interval $__interval_ms")).isEqualTo("15s 15000");
  }

  @Test
  void rateIntervalIsIntervalPlusScrapeIntervalOnLongRanges() {
    // 24h / 1000 = 86.4s, rounded to 1m: max(1m + 15s, 60s) = 1m15s.
    BuiltInVariables v = BuiltInVariables.compute(lastRange(Duration.ofHours(24), "15s"));

    assertThat(v.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(v.apply("rate(x[$__rate_interval])")).isEqualTo("rate(x[1m15s])");
    assertThat(v.apply("rate(x[${__rate_interval}])")).isEqualTo("rate(x[1m15s])");
  }

  @Test
  void rateIntervalFollowsTheDataSourceScrapeInterval() {
    BuiltInVariables v = BuiltInVariables.compute(lastRange(Duration.ofMinutes(5), "1s"));

    assertThat(v.apply("$__rate_interval")).isEqualTo("4s"); // max(1s + 1s, 4s)
    assertThat(v.apply("$__rate_interval_ms")).isEqualTo("4000");
  }

  @Test
  void aMinStepReplacesTheScrapeInterval() {
    QueryOptions options =
        new QueryOptions(TO.minus(Duration.ofHours(1)), TO, 1000, "15s", "", "30s");

    BuiltInVariables v = BuiltInVariables.compute(options);

    assertThat(v.step()).isEqualTo(Duration.ofSeconds(30));
    assertThat(v.rateInterval()).isEqualTo(Duration.ofMinutes(2)); // max(15s + 30s, 4 x 30s)
  }

  // "$__interval ... Grafana automatically calculates an interval ... (to - from) / resolution",
  // rounded, and never below the min interval. $__interval_ms is the same in milliseconds.
  // https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#__interval
  @Test
  void intervalIsTheRoundedRangeOverMaxDataPoints() {
    // 6h / 1000 = 21.6s, rounded to 20s.
    BuiltInVariables v = BuiltInVariables.compute(lastRange(Duration.ofHours(6), "5s"));

    assertThat(v.apply("avg_over_time(x[$__interval])")).isEqualTo("avg_over_time(x[20s])");
    assertThat(v.apply("$__interval_ms")).isEqualTo("20000");
    assertThat(v.apply("${__interval}")).isEqualTo("20s");
  }

  @Test
  void intervalIsNeverBelowTheMinInterval() {
    BuiltInVariables v = BuiltInVariables.compute(lastRange(Duration.ofMinutes(30), "15s"));

    assertThat(v.apply("$__interval")).isEqualTo("15s");
  }

  // "$__range ... represents the range for the current dashboard. It is calculated by to - from.
  // It has a millisecond and a second representation called $__range_ms and $__range_s."
  // https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#__range
  @Test
  void rangeIsToMinusFromInSecondsAndMilliseconds() {
    BuiltInVariables v = BuiltInVariables.compute(lastRange(Duration.ofHours(1), ""));

    assertThat(v.apply("increase(x[$__range])")).isEqualTo("increase(x[3600s])");
    assertThat(v.apply("$__range_s")).isEqualTo("3600");
    assertThat(v.apply("$__range_ms")).isEqualTo("3600000");
    assertThat(v.apply("${__range}")).isEqualTo("3600s");
  }

  @Test
  void theQueryInterpolatorAppliesDashboardVariablesThenBuiltIns() {
    QueryInterpolator.InterpolatedQuery q =
        QueryInterpolator.interpolate(
            "sum(rate(x{job=~\"$job\", instance=~\"$instance\"}[$__rate_interval]))",
            Map.of(
                "job", VariableValue.allWithCustomValue(".+"),
                "instance", VariableValue.multi("a:1", "b:2")),
            lastRange(Duration.ofHours(1), "15s"));

    assertThat(q.expr()).isEqualTo("sum(rate(x{job=~\".+\", instance=~\"(a:1|b:2)\"}[1m0s]))");
    assertThat(q.step()).isEqualTo(Duration.ofSeconds(15));
  }

  // Grafana's Prometheus backend (pkg/promlib/models/query.go): with a Min step of
  // $__rate_interval the step is calculateRateInterval(adjusted interval, scrape interval) and
  // $__rate_interval is that step; with a Min step of $__interval, $__rate_interval counts the step
  // as the scrape interval.
  @Test
  void aMinStepOfRateIntervalMakesTheStepARateInterval() {
    Instant to = Instant.parse("2026-12-01T12:00:00Z");
    BuiltInVariables v =
        BuiltInVariables.compute(
            new QueryOptions(to.minusSeconds(3600), to, 1000, "", "", "$__rate_interval"));

    // 1h over 1000 points is 3.6s, below the 15s default scrape interval: adjusted 15s, and the
    // step max(15s + 15s, 4 x 15s) = 1m.
    assertThat(v.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(v.apply("[$__interval] [$__rate_interval]")).isEqualTo("[1m] [1m0s]");
    assertThat(
            BuiltInVariables.compute(
                    new QueryOptions(to.minusSeconds(3600), to, 1000, "", "", "${__rate_interval}"))
                .step())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aMinStepOfIntervalMakesTheRateIntervalCountTheStepAsTheScrapeInterval() {
    Instant to = Instant.parse("2026-12-01T12:00:00Z");
    Instant from = to.minus(Duration.ofDays(30));
    BuiltInVariables plain =
        BuiltInVariables.compute(new QueryOptions(from, to, 1000, "15s", "", ""));
    BuiltInVariables v =
        BuiltInVariables.compute(new QueryOptions(from, to, 1000, "15s", "", "$__interval"));

    assertThat(v.step()).isEqualTo(plain.step());
    Duration expected =
        v.frontendInterval().plus(v.step()).compareTo(v.step().multipliedBy(4)) > 0
            ? v.frontendInterval().plus(v.step())
            : v.step().multipliedBy(4);
    assertThat(v.rateInterval()).isEqualTo(expected).isNotEqualTo(plain.rateInterval());
  }
}
