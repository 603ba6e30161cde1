package io.agentmetrics.catalogue.promql;

import io.agentmetrics.catalogue.promql.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the metric names, label matchers, ranges and grouping labels out of a PromQL expression (a
 * dashboard query, a rule expression). It is a careful tokenizer with a stack of parentheses, not a
 * full parser: enough to check every metric and label an expression uses against the catalogue.
 * Grafana variables ({@code $job}, {@code ${__range}}) are accepted where PromQL takes a value or a
 * duration.
 */
public final class PromQlReader {

  /** PromQL's aggregation operators. */
  public static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "and",
          "or",
          "unless",
          "atan2",
          "inf",
          "nan",
          "Inf",
          "NaN");

  private static final Set<String> VECTOR_MATCHING =
      Set.of("on", "ignoring", "group_left", "group_right");

  private final List<Token> tokens;
  private int index;
  private final List<Selector> selectors = new ArrayList<>();
  private final List<Grouping> groupings = new ArrayList<>();
  private final List<PendingClause> vectorMatching = new ArrayList<>();
  private final List<String> functions = new ArrayList<>();
  private final Deque<Scope> scopes = new ArrayDeque<>();
  private Scope lastClosedAggregation;
  private List<String> pendingPrefixGrouping;
  private String pendingPrefixClause;

  private PromQlReader(String expr) {
    this.tokens = PromQlLexer.tokenize(expr);
  }

  /** Reads a PromQL query. */
  public static QueryFacts read(String expr) {
    return new PromQlReader(expr).run();
  }

  private QueryFacts run() {
    scopes.push(new Scope(null));
    while (index < tokens.size()) {
      step();
    }
    if (scopes.size() > 1) {
      throw new PromQlException("unclosed '(': the query ends inside parentheses");
    }
    Set<String> all = new LinkedHashSet<>();
    selectors.forEach(s -> all.add(s.metric()));
    all.remove("");
    for (PendingClause clause : vectorMatching) {
      groupings.add(new Grouping(clause.keyword, clause.labels, all));
    }
    return new QueryFacts(selectors, groupings, functions);
  }

  private void step() {
    Token token = tokens.get(index);
    switch (token.kind()) {
      case IDENTIFIER -> identifier(token);
      case LEFT_BRACE -> selector("");
      case LEFT_PAREN -> {
        index++;
        scopes.push(new Scope(null));
      }
      case RIGHT_PAREN -> closeScope(token);
      default -> index++;
    }
  }

  private void identifier(Token token) {
    String name = token.text();
    boolean call = peekIs(1, Kind.LEFT_PAREN);
    if (name.equals("by") || name.equals("without")) {
      boolean postfix = followsClosedAggregation();
      index++;
      List<String> labels = labelList();
      if (postfix) {
        groupings.add(new Grouping(name, labels, lastClosedAggregation.metrics));
      } else {
        pendingPrefixClause = name;
        pendingPrefixGrouping = labels;
      }
    } else if (VECTOR_MATCHING.contains(name)) {
      index++;
      List<String> labels = peekIs(0, Kind.LEFT_PAREN) ? labelList() : List.of();
      vectorMatching.add(new PendingClause(name, labels));
    } else if (KEYWORDS.contains(name)) {
      index++;
    } else if (call || AGGREGATIONS.contains(name) && peekGroupingThenParen()) {
      functions.add(name);
      index++;
      if (AGGREGATIONS.contains(name) && !peekIs(0, Kind.LEFT_PAREN)) {
        String clause = tokens.get(index).text();
        index++;
        pendingPrefixClause = clause;
        pendingPrefixGrouping = labelList();
      }
      expect(Kind.LEFT_PAREN);
      Scope scope = new Scope(name);
      if (AGGREGATIONS.contains(name) && pendingPrefixGrouping != null) {
        scope.prefixClause = pendingPrefixClause;
        scope.prefixGrouping = pendingPrefixGrouping;
        pendingPrefixGrouping = null;
      }
      scopes.push(scope);
    } else {
      index++;
      selector(name);
    }
  }

  private boolean peekGroupingThenParen() {
    return (peekIs(1, Kind.IDENTIFIER)
        && (tokens.get(index + 1).text().equals("by")
            || tokens.get(index + 1).text().equals("without")));
  }

  private boolean followsClosedAggregation() {
    if (lastClosedAggregation == null || index == 0) {
      return false;
    }
    Token previous = tokens.get(index - 1);
    return previous.kind() == Kind.RIGHT_PAREN
        && previous.position() == lastClosedAggregation.closedAt;
  }

  private void closeScope(Token token) {
    index++;
    if (scopes.size() <= 1) {
      throw new PromQlException("unbalanced ')' at " + token.position());
    }
    Scope closed = scopes.pop();
    scopes.peek().metrics.addAll(closed.metrics);
    if (closed.owner != null && AGGREGATIONS.contains(closed.owner)) {
      closed.closedAt = token.position();
      lastClosedAggregation = closed;
      if (closed.prefixGrouping != null) {
        groupings.add(new Grouping(closed.prefixClause, closed.prefixGrouping, closed.metrics));
      }
    }
  }

  private void selector(String name) {
    List<Matcher> matchers = new ArrayList<>();
    if (peekIs(0, Kind.LEFT_BRACE)) {
      index++;
      while (index < tokens.size() && !peekIs(0, Kind.RIGHT_BRACE)) {
        if (peekIs(0, Kind.COMMA)) {
          index++;
          continue;
        }
        Token label = expect(Kind.IDENTIFIER);
        Token operator = expect(Kind.OPERATOR);
        Token value = expect(Kind.STRING);
        matchers.add(new Matcher(label.text(), operator.text(), value.text()));
      }
      expect(Kind.RIGHT_BRACE);
    }
    String metric = name;
    if (metric.isEmpty()) {
      metric =
          matchers.stream()
              .filter(m -> m.label().equals("__name__") && m.operator().equals("="))
              .map(Matcher::value)
              .findFirst()
              .orElse("");
    }
    String range = null;
    if (peekIs(0, Kind.RANGE)) {
      range = tokens.get(index).text();
      index++;
    }
    Scope scope = scopes.peek();
    selectors.add(new Selector(metric, matchers, range, scope.owner));
    if (!metric.isEmpty()) {
      scope.metrics.add(metric);
    }
  }

  private List<String> labelList() {
    expect(Kind.LEFT_PAREN);
    List<String> labels = new ArrayList<>();
    while (!peekIs(0, Kind.RIGHT_PAREN)) {
      if (peekIs(0, Kind.COMMA)) {
        index++;
        continue;
      }
      labels.add(expect(Kind.IDENTIFIER).text());
    }
    expect(Kind.RIGHT_PAREN);
    return labels;
  }

  private Token expect(Kind kind) {
    if (index >= tokens.size()) {
      throw new PromQlException("expected " + kind + " but the query ended");
    }
    Token token = tokens.get(index);
    if (token.kind() != kind) {
      throw new PromQlException(
          "expected " + kind + " but found '" + token.text() + "' at " + token.position());
    }
    index++;
    return token;
  }

  private boolean peekIs(int offset, Kind kind) {
    int at = index + offset;
    return at < tokens.size() && tokens.get(at).kind() == kind;
  }

  /** An open parenthesis: a call's argument list or a plain group. */
  private static final class Scope {
    final String owner;
    final Set<String> metrics = new LinkedHashSet<>();
    String prefixClause;
    List<String> prefixGrouping;
    int closedAt = -1;

    Scope(String owner) {
      this.owner = owner;
    }
  }

  private record PendingClause(String keyword, List<String> labels) {}
}
