package io.agentmetrics.catalogue.promql;

import io.agentmetrics.catalogue.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits a PromQL expression (which may contain Grafana variables) into tokens. */
final class PromQlLexer {

  private final String input;
  private int pos;

  private PromQlLexer(String input) {
    this.input = input;
  }

  /** The tokens of {@code expr}; comments are skipped. */
  static List<Token> tokenize(String expr) {
    return new PromQlLexer(expr).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (pos < input.length()) {
      char c = input.charAt(pos);
      int start = pos;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#') {
        while (pos < input.length() && input.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        tokens.add(new Token(Kind.STRING, readString(c), start));
      } else if (c == '[') {
        int end = input.indexOf(']', pos);
        if (end < 0) {
          throw new PromQlException("unclosed '[' at " + pos + " in: " + input);
        }
        tokens.add(new Token(Kind.RANGE, input.substring(pos + 1, end).trim(), start));
        pos = end + 1;
      } else if (c == '$') {
        tokens.add(new Token(Kind.VARIABLE, readVariable(), start));
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < input.length() && isDigitAt(1))) {
        tokens.add(new Token(Kind.NUMBER, readWhile(PromQlLexer::isNumberPart), start));
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        tokens.add(new Token(Kind.IDENTIFIER, readWhile(PromQlLexer::isNamePart), start));
      } else {
        tokens.add(readPunctuation(c, start));
      }
    }
    return tokens;
  }

  private Token readPunctuation(char c, int start) {
    pos++;
    switch (c) {
      case '(':
        return new Token(Kind.LEFT_PAREN, "(", start);
      case ')':
        return new Token(Kind.RIGHT_PAREN, ")", start);
      case '{':
        return new Token(Kind.LEFT_BRACE, "{", start);
      case '}':
        return new Token(Kind.RIGHT_BRACE, "}", start);
      case ',':
        return new Token(Kind.COMMA, ",", start);
      default:
        break;
    }
    String two = pos < input.length() ? "" + c + input.charAt(pos) : "";
    if (List.of("!=", "=~", "!~", "==", "<=", ">=").contains(two)) {
      pos++;
      return new Token(Kind.OPERATOR, two, start);
    }
    if ("=+-*/%^<>@".indexOf(c) >= 0) {
      return new Token(Kind.OPERATOR, String.valueOf(c), start);
    }
    throw new PromQlException("unexpected '" + c + "' at " + start + " in: " + input);
  }

  private String readString(char quote) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < input.length()) {
      char c = input.charAt(pos++);
      if (c == quote) {
        return value.toString();
      }
      if (c == '\\' && quote != '`' && pos < input.length()) {
        value.append(c);
        c = input.charAt(pos++);
      }
      value.append(c);
    }
    throw new PromQlException("unclosed string in: " + input);
  }

  private String readVariable() {
    if (input.startsWith("${", pos)) {
      int end = input.indexOf('}', pos);
      if (end < 0) {
        throw new PromQlException("unclosed '${' in: " + input);
      }
      String text = input.substring(pos, end + 1);
      pos = end + 1;
      return text;
    }
    int start = pos;
    pos++;
    while (pos < input.length() && isNamePart(input.charAt(pos)) && input.charAt(pos) != ':') {
      pos++;
    }
    return input.substring(start, pos);
  }

  private String readWhile(java.util.function.IntPredicate part) {
    int start = pos;
    while (pos < input.length() && part.test(input.charAt(pos))) {
      pos++;
    }
    return input.substring(start, pos);
  }

  private boolean isDigitAt(int offset) {
    return Character.isDigit(input.charAt(pos + offset));
  }

  private static boolean isNamePart(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  private static boolean isNumberPart(int c) {
    return Character.isLetterOrDigit(c) || c == '.';
  }
}
