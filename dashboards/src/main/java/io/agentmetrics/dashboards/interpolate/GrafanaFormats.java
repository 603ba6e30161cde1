package io.agentmetrics.dashboards.interpolate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's variable formats ({@code ${var:lucene}}, {@code ${var:queryparam}}, ...), ported from
 * {@code formatRegistry.ts} and {@code MultiValueVariable.ts} (CustomAllValue) of
 * {@code @grafana/scenes}, with {@code escapeRegex}, {@code textUtil.escapeHtml} and {@code
 * urlUtil.toUrlParams} of {@code @grafana/data}; GrafanaDifferentialIT runs those packages and
 * compares. A multi-value or include-all variable formats a list, any other a single string, as
 * there.
 */
final class GrafanaFormats {

  private static final Pattern LUCENE_SPECIAL =
      Pattern.compile("([!*+\\-=<>\\s&|()\\[\\]{}^~?:\\\\/\"])");
  private static final Pattern REGEX_META = Pattern.compile("[\\\\^$*+?.()|\\[\\]{}/]");
  private static final String ALL_TEXT = "All";
  private static final String ALL_VALUE = "$__all";

  private GrafanaFormats() {}

  /**
   * Formats a variable's value; {@code format} may carry arguments ({@code join:;}). An unknown
   * format falls back to glob, as Grafana does.
   */
  static String format(String name, VariableValue value, String format) {
    String[] parts = format.split(":", -1);
    String id = parts.length > 1 ? parts[0] : format;
    List<String> args = parts.length > 1 ? List.of(parts).subList(1, parts.length) : List.of();
    if (value.usesCustomAllValue()) {
      return switch (id) {
        case "text" -> ALL_TEXT;
        case "percentencode" -> encodeUriComponentStrict(value.allValue());
        case "queryparam" -> queryParam(name, List.of(ALL_VALUE));
        default -> value.allValue();
      };
    }
    boolean list = value.multi() || value.includeAll();
    List<String> values = value.values();
    String single = values.isEmpty() ? "" : values.get(0);
    return switch (id) {
      case "lucene" -> list ? lucene(values) : luceneEscape(single);
      case "raw", "csv" -> list ? String.join(",", values) : single;
      case "regex" -> list ? regex(values) : regexEscape(single);
      case "pipe" -> list ? String.join("|", values) : single;
      case "distributed" -> list ? distributed(name, values) : single;
      case "html" -> escapeHtml(list ? String.join(", ", values) : single);
      case "json" -> list ? json(values) : single;
      case "percentencode" ->
          encodeUriComponentStrict(list ? "{" + String.join(",", values) + "}" : single);
      case "uriencode" -> encodeUriStrict(list ? "{" + String.join(",", values) + "}" : single);
      case "singlequote" ->
          quoted(list ? values : List.of(single), "'", v -> v.replace("'", "\\'"));
      case "doublequote" ->
          quoted(list ? values : List.of(single), "\"", v -> v.replace("\"", "\\\""));
      case "sqlstring" ->
          quoted(
              list ? values : List.of(single),
              "'",
              v -> v.replace("'", "''").replace("\"", "\\\""));
      case "join" -> list ? String.join(args.isEmpty() ? "," : args.get(0), values) : single;
      case "text" -> value.all() ? ALL_TEXT : String.join(" + ", list ? values : List.of(single));
      case "queryparam" ->
          queryParam(name, value.all() ? List.of(ALL_VALUE) : list ? values : List.of(single));
      case "customqueryparam" -> customQueryParam(name, list ? values : List.of(single), args);
      default -> list && values.size() > 1 ? "{" + String.join(",", values) + "}" : single;
    };
  }

  /** {@code escapeRegex} of {@code @grafana/data}: one backslash before each metacharacter. */
  static String regexEscape(String value) {
    return REGEX_META.matcher(value).replaceAll(r -> "\\\\" + Matcher.quoteReplacement(r.group()));
  }

  private static String regex(List<String> values) {
    List<String> escaped = values.stream().map(GrafanaFormats::regexEscape).toList();
    return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
  }

  private static String lucene(List<String> values) {
    if (values.isEmpty()) {
      return "__empty__";
    }
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add('"' + luceneEscape(v) + '"'));
    return "(" + String.join(" OR ", quoted) + ")";
  }

  /** Numbers (as JavaScript's unary + reads them) stay as they are. */
  private static String luceneEscape(String value) {
    if (isJavaScriptNumber(value)) {
      return value;
    }
    return LUCENE_SPECIAL
        .matcher(value)
        .replaceAll(r -> "\\\\" + Matcher.quoteReplacement(r.group()));
  }

  private static boolean isJavaScriptNumber(String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return true; // +"" is 0
    }
    try {
      new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
      return true;
    } catch (NumberFormatException e) {
      return trimmed.equals("Infinity") || trimmed.equals("-Infinity");
    }
  }

  private static String distributed(String name, List<String> values) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      out.add(i == 0 ? values.get(i) : name + "=" + values.get(i));
    }
    return String.join(",", out);
  }

  private static String json(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add('"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }
    return "[" + String.join(",", out) + "]";
  }

  private static String quoted(List<String> values, String quote, Function<String, String> esc) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(quote + esc.apply(v) + quote));
    return String.join(",", out);
  }

  /** {@code textUtil.escapeHtml}. */
  private static String escapeHtml(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace("\"", "&quot;");
  }

  /** The variable's URL state through {@code urlUtil.toUrlParams}: {@code var-name=value&...}. */
  private static String queryParam(String name, List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add(encodeAsAngularJs("var-" + name) + "=" + encodeAsAngularJs(v));
    }
    return String.join("&", out);
  }

  private static String customQueryParam(String name, List<String> values, List<String> args) {
    String param =
        encodeUriComponentStrict(!args.isEmpty() && !args.get(0).isEmpty() ? args.get(0) : name);
    String prefix = encodeUriComponentStrict(args.size() > 1 ? args.get(1) : "");
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(param + "=" + prefix + encodeUriComponentStrict(v)));
    return String.join("&", out);
  }

  /** JavaScript's {@code encodeURIComponent}, then {@code !'()*} encoded too. */
  static String encodeUriComponentStrict(String value) {
    return percentEncode(value, "-_.~");
  }

  /** JavaScript's {@code encodeURI}, then {@code !'()*} encoded too. */
  private static String encodeUriStrict(String value) {
    return percentEncode(value, "-_.~;,/?:@&=+$#");
  }

  /** {@code encodeURIComponentAsAngularJS} of {@code urlUtil} with spaces as {@code %20}. */
  private static String encodeAsAngularJs(String value) {
    return percentEncode(value, "-_.~@:$,;");
  }

  private static String percentEncode(String value, String unreserved) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || (c < 0x80 && unreserved.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
