package io.agentmetrics.dashboards.doctor;

import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.api.Origin;
import io.agentmetrics.catalogue.QueryCatalogue;
import io.agentmetrics.catalogue.promql.PromQlException;
import io.agentmetrics.catalogue.promql.PromQlReader;
import io.agentmetrics.catalogue.promql.Selector;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import io.agentmetrics.dashboards.Variable;
import io.agentmetrics.dashboards.doctor.PrometheusClient.PrometheusException;
import io.agentmetrics.dashboards.interpolate.QueryInterpolator;
import io.agentmetrics.dashboards.interpolate.QueryInterpolator.InterpolatedQuery;
import io.agentmetrics.dashboards.interpolate.QueryOptions;
import io.agentmetrics.dashboards.interpolate.TemplateInterpolator;
import io.agentmetrics.dashboards.interpolate.VariableValue;
import io.agentmetrics.dashboards.promql.LabelValuesQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every panel target of dashboards against a live Prometheus, the way Grafana would with every
 * variable at "All", and reports which would show data, "No data" or an error. Variable queries are
 * run too: a variable without values leaves its dashboard empty. Targets on other data sources
 * (Loki's log queries) cannot be checked against Prometheus: they are listed as skipped. So are
 * targets that read only container metrics (cAdvisor) when Prometheus has none at all: cAdvisor
 * needs Docker or a kubelet, and without one those panels cannot have data.
 */
public final class Doctor {

  /** The series whose absence means no cAdvisor is scraped. */
  static final String CADVISOR_PRESENCE =
      QueryCatalogue.named("container.last_seen").prometheusName();

  private final PrometheusClient prometheus;
  private final DoctorOptions options;
  private Boolean cadvisorScraped;

  /** A doctor that queries {@code prometheus} with {@code options}. */
  public Doctor(PrometheusClient prometheus, DoctorOptions options) {
    this.prometheus = prometheus;
    this.options = options;
  }

  /** Checks every variable and every target of every dashboard, in order. */
  public List<TargetCheck> examine(List<Dashboard> dashboards) {
    List<TargetCheck> checks = new ArrayList<>();
    for (Dashboard d : dashboards) {
      Map<String, VariableValue> values = new LinkedHashMap<>();
      for (Variable v : d.variables()) {
        resolve(d, v, values, checks);
      }
      for (Panel p : d.panels()) {
        for (Target t : p.targets()) {
          if (t.hidden() || t.expr().isBlank()) {
            continue;
          }
          if (d.isPrometheus(p, t) && readsOnlyContainerMetrics(t) && !cadvisorScraped()) {
            checks.add(
                new TargetCheck(
                    d.title(),
                    p.title(),
                    t.refId(),
                    t.expr(),
                    0,
                    TargetCheck.Status.SKIPPED,
                    "container target: not checkable without cAdvisor (Prometheus has no "
                        + CADVISOR_PRESENCE
                        + "; compose's cadvisor profile or a kubelet provides it)"));
          } else if (d.isPrometheus(p, t)) {
            checks.add(run(d, p, t, values));
          } else {
            checks.add(
                TargetCheck.skipped(
                    d.title(), p.title(), t.refId(), t.expr(), d.datasourceType(p, t)));
          }
        }
      }
    }
    return checks;
  }

  /** Whether every metric the target selects comes from cAdvisor. */
  static boolean readsOnlyContainerMetrics(Target t) {
    List<Selector> selectors;
    try {
      selectors = PromQlReader.read(t.expr()).selectors();
    } catch (PromQlException e) {
      return false; // run it: Prometheus will report the error
    }
    return !selectors.isEmpty()
        && selectors.stream()
            .allMatch(
                s ->
                    QueryCatalogue.bySeriesName(s.metric())
                        .map(MetricDefinition::origin)
                        .filter(origin -> origin == Origin.CONTAINER)
                        .isPresent());
  }

  private boolean cadvisorScraped() {
    if (cadvisorScraped == null) {
      QueryResult result = prometheus.query("count(" + CADVISOR_PRESENCE + ")", options.to());
      cadvisorScraped = !result.failed() && result.valued() > 0;
    }
    return cadvisorScraped;
  }

  /** The "All" value of a variable over a label that targets may lack. */
  private static final String OPTIONAL_LABEL = ".*";

  private void resolve(
      Dashboard d, Variable v, Map<String, VariableValue> values, List<TargetCheck> checks) {
    if (!v.type().equals("query") && !v.type().equals("custom")) {
      return;
    }
    List<String> selected = options.selections().get(v.name());
    List<String> options =
        v.type().equals("custom") ? v.options() : queryValues(d, v, values, checks);
    if (selected != null && !selected.isEmpty()) {
      values.put(
          v.name(), new VariableValue(selected, false, v.allValue(), v.multi(), v.includeAll()));
    } else if (v.includeAll() && !v.allValue().isEmpty()) {
      values.put(v.name(), VariableValue.allWithCustomValue(v.allValue()));
    } else if (v.includeAll()) {
      values.put(v.name(), VariableValue.allOf(options));
    } else if (!options.isEmpty()) {
      values.put(v.name(), new VariableValue(List.of(options.get(0)), false, "", v.multi(), false));
    }
  }

  private static TargetCheck variableCheck(
      Dashboard d, Variable v, String query, TargetCheck.Status status, String message) {
    return new TargetCheck(d.title(), "$" + v.name(), "", query, 0, status, message);
  }

  private List<String> queryValues(
      Dashboard d, Variable v, Map<String, VariableValue> values, List<TargetCheck> checks) {
    String query = TemplateInterpolator.interpolate(v.query(), values);
    Optional<LabelValuesQuery> labelValues = LabelValuesQuery.parse(query);
    if (labelValues.isEmpty()) {
      checks.add(
          variableCheck(
              d,
              v,
              query,
              TargetCheck.Status.ERROR,
              "only label_values(..) variable queries are supported"));
      return List.of();
    }
    LabelValuesQuery lv = labelValues.get();
    try {
      List<String> found =
          prometheus.labelValues(lv.label(), lv.selector(), options.from(), options.to());
      if (found.isEmpty() && OPTIONAL_LABEL.equals(v.allValue())) {
        // An optional target label (environment, cluster, namespace) that no target carries:
        // "All" (.*) matches every series, which is what Grafana shows.
        checks.add(
            variableCheck(
                d,
                v,
                query,
                TargetCheck.Status.SKIPPED,
                "no series carries label " + lv.label() + "; All (.*) matches every series"));
        return found;
      }
      checks.add(
          TargetCheck.of(d.title(), "$" + v.name(), "", query, QueryResult.ok(found.size())));
      return found;
    } catch (PrometheusException e) {
      checks.add(
          TargetCheck.of(d.title(), "$" + v.name(), "", query, QueryResult.failed(e.getMessage())));
      return List.of();
    }
  }

  private TargetCheck run(Dashboard d, Panel p, Target t, Map<String, VariableValue> values) {
    Instant to = options.to();
    Instant from = p.timeFrom().isEmpty() ? options.from() : RelativeTime.parse(p.timeFrom(), to);
    if (!p.timeShift().isEmpty()) {
      from = RelativeTime.shift(from, p.timeShift(), false);
      to = RelativeTime.shift(to, p.timeShift(), true);
    }
    int maxDataPoints = p.maxDataPoints() > 0 ? p.maxDataPoints() : options.maxDataPoints();
    QueryOptions queryOptions =
        new QueryOptions(
            from, to, maxDataPoints, options.scrapeInterval(), p.interval(), t.interval());
    InterpolatedQuery query = QueryInterpolator.interpolate(t.expr(), values, queryOptions);
    QueryResult result;
    if (t.instant()) {
      result = prometheus.query(query.expr(), to);
    } else {
      Duration step = options.step() != null ? options.step() : query.step();
      result = prometheus.queryRange(query.expr(), align(from, step), align(to, step), step);
    }
    return TargetCheck.of(d.title(), p.title(), t.refId(), query.expr(), result);
  }

  /** Rounds down to a multiple of the step, as Grafana aligns range queries. */
  static Instant align(Instant t, Duration step) {
    long stepMs = Math.max(1, step.toMillis());
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), stepMs) * stepMs);
  }
}
