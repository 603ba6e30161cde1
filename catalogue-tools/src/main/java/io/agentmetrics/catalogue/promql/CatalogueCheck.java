package io.agentmetrics.catalogue.promql;

import io.agentmetrics.api.LabelDefinition;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.catalogue.QueryCatalogue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a PromQL expression uses against {@link MetricCatalogue}: every selected series is a
 * catalogue series, every matcher and aggregation names a label the series has (see {@link
 * #labels}), and a literal value of a closed-set label is one the catalogue allows. Values that are
 * variables ({@code $provider}) or real regular expressions are not checked.
 */
public final class CatalogueCheck {

  private static final Pattern LITERAL_ALTERNATIVES =
      Pattern.compile("[A-Za-z0-9_.-]+(?:\\|[A-Za-z0-9_.-]+)*");

  private CatalogueCheck() {}

  /**
   * The labels a query may use on a catalogue series: the metric's, the target labels ({@code job},
   * {@code instance}), {@code __name__}, and {@code le} on a {@code _bucket} series.
   */
  public static Set<String> labels(String series, MetricDefinition metric) {
    Set<String> labels = new LinkedHashSet<>(metric.labelNames());
    labels.addAll(MetricCatalogue.targetLabels());
    labels.add("__name__");
    if (series.endsWith("_bucket")) {
      labels.add("le");
    }
    return labels;
  }

  /** Every problem of the selectors and groupings of {@code query}; empty when all are known. */
  public static List<String> problems(QueryFacts query) {
    List<String> problems = new ArrayList<>();
    query.selectors().forEach(s -> problems.addAll(problems(s)));
    for (Grouping g : query.groupings()) {
      problems.addAll(g.aggregation() ? aggregationProblems(g) : vectorMatchingProblems(g));
    }
    return problems;
  }

  /**
   * The problems of one selector: no metric name, a metric not in the catalogue, a label the series
   * does not have, a closed-set label value the catalogue does not allow.
   */
  public static List<String> problems(Selector selector) {
    String series = selector.metric();
    if (series.isEmpty()) {
      return List.of(
          "a selector has no metric name, so it cannot be checked: " + selector.matchers());
    }
    Optional<MetricDefinition> metric = QueryCatalogue.bySeriesName(series);
    if (metric.isEmpty()) {
      return List.of("metric '" + series + "' is not in the metrics-api catalogue");
    }
    List<String> problems = new ArrayList<>();
    Set<String> allowed = labels(series, metric.get());
    for (Matcher m : selector.matchers()) {
      if (!allowed.contains(m.label())) {
        problems.add(
            "metric '" + series + "' has no label '" + m.label() + "' (it has " + allowed + ")");
      } else {
        metric.get().label(m.label()).ifPresent(def -> checkValue(series, def, m, problems));
      }
    }
    return problems;
  }

  private static void checkValue(
      String series, LabelDefinition label, Matcher matcher, List<String> out) {
    if (!label.policy().isClosed() || matcher.value().startsWith("$")) {
      return; // free text, or a variable such as $provider
    }
    boolean regex = matcher.operator().endsWith("~");
    if (regex && !LITERAL_ALTERNATIVES.matcher(matcher.value()).matches()) {
      return;
    }
    for (String value : regex ? matcher.value().split("\\|") : new String[] {matcher.value()}) {
      if (!label.policy().allows(value)) {
        out.add(
            "metric '"
                + series
                + "' label '"
                + matcher.label()
                + "' never has the value '"
                + value
                + "', allowed: "
                + label.policy().allowedValues());
      }
    }
  }

  private static List<String> aggregationProblems(Grouping g) {
    List<String> problems = new ArrayList<>();
    for (String series : g.metrics()) {
      Optional<MetricDefinition> metric = QueryCatalogue.bySeriesName(series);
      if (metric.isEmpty()) {
        continue; // reported with its selector
      }
      Set<String> allowed = labels(series, metric.get());
      for (String label : g.labels()) {
        if (!allowed.contains(label)) {
          problems.add(
              g.clause()
                  + " ("
                  + label
                  + ") on '"
                  + series
                  + "', which has no label '"
                  + label
                  + "'");
        }
      }
    }
    return problems;
  }

  private static List<String> vectorMatchingProblems(Grouping g) {
    Set<String> union = new HashSet<>();
    for (String series : g.metrics()) {
      QueryCatalogue.bySeriesName(series).ifPresent(m -> union.addAll(labels(series, m)));
    }
    List<String> problems = new ArrayList<>();
    for (String label : g.labels()) {
      if (!union.contains(label)) {
        problems.add(
            g.clause() + " (" + label + "): no metric of the query has label '" + label + "'");
      }
    }
    return problems;
  }
}
