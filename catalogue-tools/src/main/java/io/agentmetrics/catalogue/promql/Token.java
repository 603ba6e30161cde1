package io.agentmetrics.catalogue.promql;

/**
 * A token of a PromQL expression.
 *
 * @param kind what kind of token
 * @param text its text; for {@link Kind#STRING} the unquoted value, for {@link Kind#RANGE} the raw
 *     text between the brackets
 * @param position its offset in the expression
 */
record Token(Kind kind, String text, int position) {

  /** The kinds of tokens. */
  enum Kind {
    /** A name: metric, label, function, keyword. May contain {@code :}. */
    IDENTIFIER,
    /** A Grafana variable outside a string, e.g. {@code $limit}. */
    VARIABLE,
    /** A number or a duration outside brackets, e.g. {@code 0.95} or {@code 5m}. */
    NUMBER,
    /** A quoted string. */
    STRING,
    /** The content of a range or subquery, {@code [..]}. */
    RANGE,
    /** An operator: arithmetic, comparison or label-matching. */
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACE,
    RIGHT_BRACE,
    COMMA
  }
}
