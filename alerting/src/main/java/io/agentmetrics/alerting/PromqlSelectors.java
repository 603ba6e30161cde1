package io.agentmetrics.alerting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the series selectors of a PromQL expression ({@code name{label="value"}}) and the labels
 * named in its {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left} and
 * {@code group_right} clauses. It is a tokenizer, not a full parser: enough to check every metric
 * and label an expression uses against the catalogue.
 */
public final class PromqlSelectors {

  private static final Set<String> LABEL_LIST_KEYWORDS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "atan2",
          "inf",
          "nan",
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
          "quantile");

  private PromqlSelectors() {}

  /**
   * A label matcher of a selector.
   *
   * @param label the label name
   * @param op one of {@code =}, {@code !=}, {@code =~}, {@code !~}
   * @param value the value or regular expression, unquoted
   */
  public record Matcher(String label, String op, String value) {}

  /**
   * A series selector.
   *
   * @param metric the metric name
   * @param matchers its label matchers
   */
  public record Selector(String metric, List<Matcher> matchers) {}

  /**
   * What an expression uses.
   *
   * @param selectors every series selector, in order
   * @param groupingLabels the labels of every {@code by}, {@code on} ... clause
   */
  public record Usage(List<Selector> selectors, Set<String> groupingLabels) {}

  /** The selectors and grouping labels of {@code expr}. */
  public static Usage parse(String expr) {
    List<String> tokens = tokenize(expr);
    List<Selector> selectors = new ArrayList<>();
    Set<String> grouping = new LinkedHashSet<>();
    int i = 0;
    while (i < tokens.size()) {
      String token = tokens.get(i);
      if (token.equals("[")) {
        i = skipPast(tokens, i, "]");
        continue;
      }
      if (token.equals("{")) {
        i = skipPast(tokens, i, "}"); // a selector without a metric name
        continue;
      }
      if (!isIdentifier(token)) {
        i++;
        continue;
      }
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      if (LABEL_LIST_KEYWORDS.contains(token)) {
        i++;
        if (next.equals("(")) {
          i++;
          while (i < tokens.size() && !tokens.get(i).equals(")")) {
            if (isIdentifier(tokens.get(i))) {
              grouping.add(tokens.get(i));
            }
            i++;
          }
          i++;
        }
      } else if (next.equals("(") || KEYWORDS.contains(token.toLowerCase())) {
        i++; // a function, an aggregation or an operator keyword
      } else {
        List<Matcher> matchers = new ArrayList<>();
        i++;
        if (next.equals("{")) {
          i++;
          while (i + 2 < tokens.size() && !tokens.get(i).equals("}")) {
            matchers.add(new Matcher(tokens.get(i), tokens.get(i + 1), unquote(tokens.get(i + 2))));
            i += 3;
            if (i < tokens.size() && tokens.get(i).equals(",")) {
              i++;
            }
          }
          i++;
        }
        selectors.add(new Selector(token, List.copyOf(matchers)));
      }
    }
    return new Usage(List.copyOf(selectors), Set.copyOf(grouping));
  }

  private static int skipPast(List<String> tokens, int from, String closing) {
    int i = from;
    while (i < tokens.size() && !tokens.get(i).equals(closing)) {
      i++;
    }
    return i + 1;
  }

  private static boolean isIdentifier(String token) {
    char c = token.charAt(0);
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static String unquote(String token) {
    char quote = token.charAt(0);
    if ((quote == '"' || quote == '\'' || quote == '`') && token.length() >= 2) {
      return token.substring(1, token.length() - 1).replace("\\\\", "\\");
    }
    return token;
  }

  /** Splits PromQL into identifiers, numbers or durations, strings, operators and brackets. */
  static List<String> tokenize(String expr) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (c == '#') {
        while (i < expr.length() && expr.charAt(i) != '\n') {
          i++;
        }
        continue;
      } else if (c == '"' || c == '\'' || c == '`') {
        i++;
        while (i < expr.length() && expr.charAt(i) != c) {
          i += expr.charAt(i) == '\\' && c != '`' ? 2 : 1;
        }
        i++;
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        while (i < expr.length() && isNameChar(expr.charAt(i))) {
          i++;
        }
      } else if (Character.isDigit(c) || c == '.') {
        while (i < expr.length()
            && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
          i++;
        }
      } else if ("=!<>".indexOf(c) >= 0
          && i + 1 < expr.length()
          && "=~".indexOf(expr.charAt(i + 1)) >= 0) {
        i += 2;
      } else {
        i++;
      }
      tokens.add(expr.substring(start, Math.min(i, expr.length())));
    }
    return tokens;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }
}
