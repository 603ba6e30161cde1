package io.agentmetrics.dashboards.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The project's one client of Prometheus' HTTP API (VictoriaMetrics answers the same): queries as
 * Grafana sends them (form-encoded POSTs) for the dashboards doctor, and the targets, rules, alerts
 * and Alertmanagers that the stack's and the end-to-end tests read.
 */
public final class PrometheusClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  /** A client of the Prometheus at {@code base}, e.g. {@code http://127.0.0.1:9090}. */
  public PrometheusClient(URI base, Duration timeout) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A client with a 15 s timeout. */
  public PrometheusClient(URI base) {
    this(base, Duration.ofSeconds(15));
  }

  /** Its base URL. */
  public URI uri() {
    return base;
  }

  /**
   * The result of an instant query at the current time: the series of a vector (each {@code metric}
   * and {@code value}), a scalar's one {@code [time, "value"]}.
   *
   * @throws IllegalStateException with Prometheus' error when the query fails
   */
  public List<JsonNode> vector(String expr) {
    JsonNode body = post("api/v1/query", Map.of("query", expr));
    List<JsonNode> result = new ArrayList<>();
    data(body, "query " + expr).path("result").forEach(result::add);
    return result;
  }

  /** The active scrape targets ({@code /api/v1/targets}). */
  public List<JsonNode> activeTargets() {
    return list("api/v1/targets", Map.of("state", "active"), "activeTargets");
  }

  /** The rule groups with their rules' health and state ({@code /api/v1/rules}). */
  public List<JsonNode> ruleGroups() {
    return list("api/v1/rules", Map.of(), "groups");
  }

  /** The alerts Prometheus holds, pending or firing ({@code /api/v1/alerts}). */
  public List<JsonNode> alerts() {
    return list("api/v1/alerts", Map.of(), "alerts");
  }

  /** The Alertmanagers Prometheus sends to ({@code /api/v1/alertmanagers}). */
  public List<JsonNode> activeAlertmanagers() {
    return list("api/v1/alertmanagers", Map.of(), "activeAlertmanagers");
  }

  /** Its build information ({@code /api/v1/status/buildinfo}): version, revision, ... */
  public JsonNode buildInfo() {
    return data(get("api/v1/status/buildinfo", Map.of()), "buildinfo");
  }

  private List<JsonNode> list(String path, Map<String, String> query, String field) {
    List<JsonNode> items = new ArrayList<>();
    data(get(path, query), path).path(field).forEach(items::add);
    return items;
  }

  /** The {@code data} of a successful answer. */
  private static JsonNode data(JsonNode body, String what) {
    if (!"success".equals(body.path("status").asText())) {
      throw new IllegalStateException(
          what
              + " failed: "
              + body.path("errorType").asText("error")
              + ": "
              + body.path("error").asText("unknown"));
    }
    return body.path("data");
  }

  /** Runs a range query ({@code /api/v1/query_range}). */
  public QueryResult queryRange(String expr, Instant start, Instant end, Duration step) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", expr);
    form.put("start", seconds(start));
    form.put("end", seconds(end));
    form.put("step", seconds(step));
    return result(post("api/v1/query_range", form));
  }

  /** Runs an instant query ({@code /api/v1/query}) at {@code time}. */
  public QueryResult query(String expr, Instant time) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", expr);
    form.put("time", seconds(time));
    return result(post("api/v1/query", form));
  }

  /**
   * The values of {@code label} on the series matching {@code match} (empty for every series), as
   * Grafana's {@code label_values(..)} variable query fetches them.
   */
  public List<String> labelValues(String label, String match, Instant start, Instant end)
      throws PrometheusException {
    Map<String, String> form = new LinkedHashMap<>();
    if (!match.isBlank()) {
      form.put("match[]", match);
    }
    form.put("start", seconds(start));
    form.put("end", seconds(end));
    JsonNode body = get("api/v1/label/" + label + "/values", form);
    if (!"success".equals(body.path("status").asText())) {
      throw new PrometheusException(body.path("error").asText("unknown error"));
    }
    List<String> values = new ArrayList<>();
    body.path("data").forEach(v -> values.add(v.asText()));
    return values;
  }

  private static QueryResult result(JsonNode body) {
    if (!"success".equals(body.path("status").asText())) {
      return QueryResult.failed(
          body.path("errorType").asText("error") + ": " + body.path("error").asText("unknown"));
    }
    JsonNode data = body.path("data");
    String type = data.path("resultType").asText();
    if (type.equals("scalar") || type.equals("string")) {
      return QueryResult.ok(1, isNumber(data.path("result")) ? 1 : 0);
    }
    int valued = 0;
    for (JsonNode series : data.path("result")) {
      boolean any = isNumber(series.path("value"));
      for (JsonNode sample : series.path("values")) {
        any |= isNumber(sample);
      }
      valued += any ? 1 : 0;
    }
    return QueryResult.ok(data.path("result").size(), valued);
  }

  /** Whether a {@code [time, "value"]} sample holds a number rather than NaN. */
  private static boolean isNumber(JsonNode sample) {
    return sample.isArray() && sample.size() == 2 && !"NaN".equals(sample.get(1).asText());
  }

  private JsonNode post(String path, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
  }

  private JsonNode get(String path, Map<String, String> query) {
    return send(
        HttpRequest.newBuilder(base.resolve(query.isEmpty() ? path : path + "?" + encode(query)))
            .timeout(timeout)
            .GET()
            .build());
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      if (body.isBlank() || !body.trim().startsWith("{")) {
        return error("HTTP " + response.statusCode() + " from " + request.uri());
      }
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return error("cannot reach " + request.uri() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted");
    }
  }

  private static JsonNode error(String message) {
    return MAPPER
        .createObjectNode()
        .put("status", "error")
        .put("errorType", "client")
        .put("error", message);
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String seconds(Instant t) {
    return String.format(java.util.Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }

  /** Prometheus answered with an error. */
  public static final class PrometheusException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error with Prometheus' message. */
    public PrometheusException(String message) {
      super(message);
    }
  }
}
