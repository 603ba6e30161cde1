package io.agentmetrics.alerting;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import io.agentmetrics.catalogue.QueryCatalogue;
import io.agentmetrics.catalogue.promql.CatalogueCheck;
import io.agentmetrics.catalogue.promql.Grouping;
import io.agentmetrics.catalogue.promql.PromQlException;
import io.agentmetrics.catalogue.promql.PromQlReader;
import io.agentmetrics.catalogue.promql.QueryFacts;
import io.agentmetrics.catalogue.promql.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that rules use only series of {@link MetricCatalogue} (checked by {@link CatalogueCheck})
 * or of recording rules defined with them, with labels those series have and, for labels with a
 * closed set of values, values the catalogue allows. The labels of a recorded series are the labels
 * its level names ({@code job_gen_ai_agent_name:...} has {@code job} and {@code gen_ai_agent_name})
 * plus its static labels.
 */
public final class CatalogueUsage {

  private static final Pattern LABEL_REFERENCE = Pattern.compile("\\$labels\\.([a-zA-Z_]\\w*)");

  private CatalogueUsage() {}

  /** Every use of an unknown metric, label or value in {@code rules}; empty when all are known. */
  public static List<String> problems(List<Rule> rules) {
    List<String> problems = new ArrayList<>();
    Set<String> labelNames = knownLabelNames(rules);
    Map<String, Set<String>> recorded = new HashMap<>();
    for (Rule rule : rules) {
      if (!rule.alert()) {
        Optional<List<String>> level = splitLevel(rule.name().split(":")[0], labelNames);
        if (level.isEmpty()) {
          problems.add(rule.where() + ": level is not made of label names");
          continue;
        }
        checkLevel(rule, level.get(), problems);
        Set<String> labels = new LinkedHashSet<>(level.get());
        labels.addAll(rule.labels().keySet());
        recorded.merge(rule.name(), labels, (a, b) -> union(a, b));
      }
    }
    for (Rule rule : rules) {
      checkRule(rule, recorded, problems);
    }
    return problems;
  }

  private static void checkRule(Rule rule, Map<String, Set<String>> recorded, List<String> out) {
    Optional<QueryFacts> facts = read(rule, out);
    if (facts.isEmpty()) {
      return;
    }
    Set<String> available = new TreeSet<>(rule.labels().keySet());
    available.add("__name__");
    for (Selector selector : facts.get().selectors()) {
      String series = selector.metric();
      if (series.isEmpty()) {
        continue; // no metric name: nothing to check against
      }
      Set<String> labels = recorded.get(series);
      Optional<MetricDefinition> metric = QueryCatalogue.bySeriesName(series);
      if (labels != null) {
        available.addAll(labels);
        selector.matchers().stream()
            .map(matcher -> matcher.label())
            .filter(label -> !labels.contains(label))
            .forEach(label -> out.add(rule.where() + ": " + series + " has no label " + label));
      } else if (metric.isPresent()) {
        available.addAll(CatalogueCheck.labels(series, metric.get()));
        CatalogueCheck.problems(selector).forEach(p -> out.add(rule.where() + ": " + p));
      } else {
        out.add(rule.where() + ": " + series + " is not in the catalogue nor recorded");
      }
    }
    for (String label : groupingLabels(facts.get())) {
      if (!available.contains(label)) {
        out.add(rule.where() + ": groups or matches by " + label + ", which no series has");
      }
    }
    for (String annotation : rule.annotations().values()) {
      Matcher m = LABEL_REFERENCE.matcher(annotation);
      while (m.find()) {
        if (!available.contains(m.group(1))) {
          out.add(rule.where() + ": annotation uses $labels." + m.group(1) + ", no series has it");
        }
      }
    }
  }

  private static Optional<QueryFacts> read(Rule rule, List<String> out) {
    try {
      return Optional.of(PromQlReader.read(rule.expr()));
    } catch (PromQlException e) {
      out.add(rule.where() + ": cannot read the expression: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The labels of every {@code by}, {@code without}, {@code on} ... clause. */
  private static Set<String> groupingLabels(QueryFacts facts) {
    Set<String> labels = new LinkedHashSet<>();
    for (Grouping grouping : facts.groupings()) {
      labels.addAll(grouping.labels());
    }
    return labels;
  }

  /** Level labels must be the labels the rule aggregates by (or adds as static labels). */
  private static void checkLevel(Rule rule, List<String> level, List<String> out) {
    Optional<QueryFacts> facts = read(rule, new ArrayList<>()); // reported by checkRule
    if (facts.isEmpty()) {
      return;
    }
    Set<String> grouping = groupingLabels(facts.get());
    Set<String> provided = union(grouping, rule.labels().keySet());
    if (!provided.containsAll(level) || !level.containsAll(grouping)) {
      out.add(rule.where() + ": level " + level + " differs from its aggregation by " + grouping);
    }
  }

  private static Set<String> knownLabelNames(List<Rule> rules) {
    Set<String> names = new LinkedHashSet<>(MetricCatalogue.targetLabels());
    names.add("le");
    QueryCatalogue.all().forEach(m -> names.addAll(m.labelNames()));
    rules.forEach(r -> names.addAll(r.labels().keySet()));
    return names;
  }

  /** Splits a level such as {@code job_gen_ai_agent_name} into known label names. */
  static Optional<List<String>> splitLevel(String level, Set<String> labelNames) {
    if (level.isEmpty()) {
      return Optional.of(List.of());
    }
    for (String name : labelNames) {
      if (level.equals(name)) {
        return Optional.of(List.of(name));
      }
      if (level.startsWith(name + "_")) {
        Optional<List<String>> rest = splitLevel(level.substring(name.length() + 1), labelNames);
        if (rest.isPresent()) {
          List<String> all = new ArrayList<>();
          all.add(name);
          all.addAll(rest.get());
          return Optional.of(all);
        }
      }
    }
    return Optional.empty();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
