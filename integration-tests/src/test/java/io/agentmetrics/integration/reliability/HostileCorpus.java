package io.agentmetrics.integration.reliability;

import io.agentmetrics.integration.support.InProcessServer;
import io.agentmetrics.server.testing.RawHttp;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A generated corpus of hostile ingest payloads. Event-level cases take a valid event of every type
 * and break one field at a time with every mutation of its kind (wrong types, negative, huge and
 * infinite numbers, oversized, empty and control-character strings, lone surrogates, deep nesting),
 * plus unknown fields and unknown event types; each hostile event sits between two valid ones.
 * Body-level cases break the whole request (invalid JSON, NaN, invalid UTF-8, nesting past the
 * parser's limit, oversized strings and numbers, wrong content types and encodings, overlong UTF-8
 * and UTF-16/32 bodies). Raw cases break the HTTP itself (bodies cut short, broken chunks, bad
 * framing and heads) and go over a plain socket.
 */
final class HostileCorpus {

  /** The valid event that surrounds every hostile one; counted in the scrape afterwards. */
  static final String VALID = "{\"type\":\"cache\",\"cache\":\"hostile-valid\",\"result\":\"hit\"}";

  /** A payload whose one bad event must be refused by index with a message naming the field. */
  record EventCase(String name, String field, String hostileEvent) {
    /** The batch: a valid event, the hostile one, a valid event. */
    String body() {
      return "[" + VALID + "," + hostileEvent + "," + VALID + "]";
    }
  }

  /** A payload the server must refuse whole with {@code status} and a JSON error. */
  record BodyCase(
      String name, String contentType, String contentEncoding, byte[] body, int status) {}

  /**
   * Bytes broken at the HTTP level, sent over a plain socket (half-closed after sending when {@code
   * halfClose}): the server must answer {@code status} with its JSON error body ({@code error}).
   */
  record RawCase(String name, byte[] request, boolean halfClose, int status, String error) {}

  /**
   * A body the OTLP receiver ({@code path}) must answer with {@code status}: 200 (read, with
   * nothing refused or the refused items in {@code partial_success}), 400 (a {@code
   * google.rpc.Status}), 413 or 415.
   */
  record OtlpCase(
      String name,
      String path,
      String contentType,
      String contentEncoding,
      byte[] body,
      int status) {}

  /** Hostile OTLP bodies. */
  static List<OtlpCase> otlpCases(int maxBodyBytes) {
    String traces = "/v1/traces";
    String proto = "application/x-protobuf";
    byte[] valid = otlpChat(1).toByteArray();
    List<OtlpCase> cases = new ArrayList<>();
    cases.add(new OtlpCase("valid span", traces, proto, null, valid, 200));
    cases.add(
        new OtlpCase(
            "truncated protobuf",
            traces,
            proto,
            null,
            Arrays.copyOf(valid, valid.length - 9),
            400));
    cases.add(
        new OtlpCase(
            "JSON sent as protobuf", traces, proto, null, utf8("{\"resourceSpans\":[]}"), 400));
    cases.add(
        new OtlpCase(
            "field of the wrong JSON type",
            traces,
            "application/json",
            null,
            utf8("{\"resourceSpans\":[{\"scopeSpans\":{\"spans\":7}}]}"),
            400));
    cases.add(
        new OtlpCase(
            "unknown enum value (span kind 99)",
            traces,
            "application/json",
            null,
            utf8(
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"kind\":99,"
                    + "\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}]}]}]}"),
            200));
    cases.add(
        new OtlpCase("negative tokens", traces, proto, null, otlpChat(-5).toByteArray(), 200));
    cases.add(new OtlpCase("corrupt gzip", traces, proto, "gzip", valid, 400));
    cases.add(
        new OtlpCase("gzip bomb", traces, proto, "gzip", gzip(new byte[maxBodyBytes * 32]), 413));
    // (A body over the limit is refused before it is read: see the raw case, which sends only
    // the head, since the client's writes would race the server's early answer.)
    cases.add(new OtlpCase("text/plain", traces, "text/plain", null, valid, 415));
    cases.add(new OtlpCase("brotli", traces, proto, "br", valid, 415));
    return cases;
  }

  /** An export request of one chat span reporting {@code inputTokens}. */
  private static ExportTraceServiceRequest otlpChat(long inputTokens) {
    Span.Builder span =
        Span.newBuilder()
            .setName("chat gpt-4o")
            .setStartTimeUnixNano(1_750_000_000_000_000_000L)
            .setEndTimeUnixNano(1_750_000_000_500_000_000L);
    String[][] text = {
      {"gen_ai.operation.name", "chat"},
      {"gen_ai.provider.name", "openai"},
      {"gen_ai.request.model", "gpt-4o"}
    };
    for (String[] attribute : text) {
      span.addAttributes(
          KeyValue.newBuilder()
              .setKey(attribute[0])
              .setValue(AnyValue.newBuilder().setStringValue(attribute[1])));
    }
    span.addAttributes(
        KeyValue.newBuilder()
            .setKey("gen_ai.usage.input_tokens")
            .setValue(AnyValue.newBuilder().setIntValue(inputTokens)));
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
        .build();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private enum Kind {
    LABEL,
    NUMBER,
    COUNT
  }

  private static final String EMPTY = "\"\"";

  /**
   * Fields where an empty string is valid: since catalogue v2 an empty {@code error_type} means "no
   * error", as an absent {@code error.type} does in the GenAI conventions.
   */
  private static final Set<String> EMPTY_MEANS_ABSENT = Set.of("error_type");

  private static final String NESTED_10 = "{\"a\":".repeat(9) + "1" + "}".repeat(9);

  private static final Map<Kind, List<String>> MUTATIONS =
      Map.of(
          Kind.LABEL,
          List.of(
              "42",
              "true",
              "{}",
              "[]",
              EMPTY,
              "\"" + "x".repeat(1000) + "\"",
              "\"bad\\u0001value\"",
              "\"emoji \\ud83d\\ude00\"",
              "\"lone \\ud800 surrogate\"",
              "\"quote\\\" and {brace}\"",
              NESTED_10),
          Kind.NUMBER,
          List.of("\"1.5\"", "\"NaN\"", "true", "-1", "-0.001", "1e309", "-1e309", "[]", NESTED_10),
          Kind.COUNT,
          List.of(
              "1.5",
              "-3",
              "1e30",
              "123456789012345678901234567890",
              "\"12\"",
              "true",
              "{}",
              NESTED_10));

  private HostileCorpus() {}

  /** Valid events of every type and kind, with the kind of each field that may be broken. */
  private static Map<String, Map<String, Kind>> templates() {
    Map<String, Map<String, Kind>> t = new LinkedHashMap<>();
    t.put(
        "{\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"gpt-5\",\"agent\":\"a\","
            + "\"operation\":\"chat\",\"duration_seconds\":1.2,\"time_to_first_chunk_seconds\":0.3,"
            + "\"input_tokens\":100,\"output_tokens\":20,\"cached_tokens\":10,"
            + "\"reasoning_tokens\":5,\"cost_usd\":0.01,\"error_type\":\"timeout\","
            + "\"tokens_saved_by_compression\":7,\"tokens_saved_by_routing\":3}",
        fields(
            "provider model agent operation error_type",
            "duration_seconds time_to_first_chunk_seconds cost_usd",
            "input_tokens output_tokens cached_tokens reasoning_tokens"
                + " tokens_saved_by_compression tokens_saved_by_routing"));
    t.put(
        "{\"type\":\"llm_call\",\"kind\":\"budget\",\"period\":\"monthly\",\"limit_usd\":6000}",
        fields("period", "limit_usd", ""));
    t.put(
        "{\"type\":\"agent_run\",\"agent\":\"a\",\"status\":\"error\",\"duration_seconds\":12.5,"
            + "\"error_type\":\"RateLimitError\"}",
        fields("agent status error_type", "duration_seconds", ""));
    t.put(
        "{\"type\":\"agent_run\",\"kind\":\"sessions\",\"agent\":\"a\",\"active_sessions\":17}",
        fields("agent", "", "active_sessions"));
    t.put(
        "{\"type\":\"tool_call\",\"agent\":\"a\",\"tool\":\"run_tests\",\"tool_type\":\"function\","
            + "\"duration_seconds\":8.2}",
        fields("agent tool tool_type", "duration_seconds", ""));
    t.put(
        "{\"type\":\"task\",\"kind\":\"queue\",\"queue\":\"support\",\"depth\":12,\"blocked\":2}",
        fields("queue", "", "depth blocked"));
    t.put(
        "{\"type\":\"task\",\"agent\":\"a\",\"queue\":\"q\",\"status\":\"failed\","
            + "\"duration_seconds\":3}",
        fields("agent queue status", "duration_seconds", ""));
    t.put(
        "{\"type\":\"approval\",\"kind\":\"decided\",\"agent\":\"a\",\"decision\":\"approved\","
            + "\"wait_seconds\":95}",
        fields("agent decision", "wait_seconds", ""));
    t.put(
        "{\"type\":\"security_event\",\"kind\":\"skill_access\",\"agent\":\"a\","
            + "\"skill\":\"deploy\",\"decision\":\"denied\"}",
        fields("agent skill decision", "", ""));
    t.put(
        "{\"type\":\"rag_retrieval\",\"agent\":\"a\",\"store\":\"pgvector\","
            + "\"duration_seconds\":0.21,\"documents\":8,\"relevance_score\":0.83,"
            + "\"vector_store_seconds\":0.04}",
        fields(
            "agent store", "duration_seconds relevance_score vector_store_seconds", "documents"));
    t.put(
        "{\"type\":\"cache\",\"cache\":\"embedding\",\"result\":\"miss\"}",
        fields("cache result", "", ""));
    t.put(
        "{\"type\":\"message\",\"agent\":\"a\",\"channel\":\"slack\",\"direction\":\"outbound\"}",
        fields("agent channel direction", "", ""));
    return t;
  }

  /** The valid templates, to check first that they are accepted as they are. */
  static List<String> validEvents() {
    return new ArrayList<>(templates().keySet());
  }

  /** Every template with every field broken by every mutation of its kind, and more. */
  static List<EventCase> eventCases() {
    List<EventCase> cases = new ArrayList<>();
    templates()
        .forEach(
            (template, fields) -> {
              String type = template.substring(9, template.indexOf('"', 9));
              fields.forEach(
                  (field, kind) -> {
                    for (String mutation : MUTATIONS.get(kind)) {
                      if (mutation.equals(EMPTY) && EMPTY_MEANS_ABSENT.contains(field)) {
                        continue;
                      }
                      cases.add(
                          new EventCase(
                              type + "." + field + " = " + abbreviate(mutation),
                              field,
                              replace(template, field, mutation)));
                    }
                  });
              cases.add(
                  new EventCase(
                      type + " with an unknown field",
                      "bogus_field",
                      template.substring(0, template.length() - 1) + ",\"bogus_field\":1}"));
              cases.add(
                  new EventCase(
                      type + " with a bad kind",
                      "kind",
                      template.contains("\"kind\":")
                          ? replace(template, "kind", "\"no_such_kind\"")
                          : "{\"kind\":\"no_such_kind\"," + template.substring(1)));
            });
    String cache = "\"cache\":\"c\",\"result\":\"hit\"";
    cases.add(new EventCase("unknown type", "type", "{\"type\":\"llm_cal\"," + cache + "}"));
    cases.add(new EventCase("missing type", "type", "{" + cache + "}"));
    cases.add(new EventCase("null type", "type", "{\"type\":null," + cache + "}"));
    cases.add(new EventCase("numeric type", "type", "{\"type\":7," + cache + "}"));
    cases.add(new EventCase("type as object", "type", "{\"type\":{\"x\":1}," + cache + "}"));
    cases.add(new EventCase("huge type", "type", "{\"type\":\"" + "t".repeat(5000) + "\"}"));
    cases.add(new EventCase("event is a number", "", "42"));
    cases.add(new EventCase("event is a string", "", "\"llm_call\""));
    cases.add(new EventCase("event is null", "", "null"));
    cases.add(new EventCase("event is an array", "", "[" + VALID + "]"));
    cases.add(
        new EventCase(
            "cached tokens above input",
            "cached_tokens",
            "{\"type\":\"llm_call\",\"provider\":\"openai\",\"model\":\"gpt-5\","
                + "\"duration_seconds\":1,\"input_tokens\":10,\"cached_tokens\":11}"));
    cases.add(
        new EventCase(
            "relevance above 1",
            "relevance_score",
            "{\"type\":\"rag_retrieval\",\"agent\":\"a\",\"store\":\"s\","
                + "\"duration_seconds\":0.2,\"documents\":1,\"relevance_score\":1.5}"));
    cases.add(
        new EventCase(
            "missing required field",
            "duration_seconds",
            "{\"type\":\"tool_call\",\"agent\":\"a\",\"tool\":\"t\"}"));
    return cases;
  }

  /** Requests the server must refuse whole. */
  static List<BodyCase> bodyCases() {
    String json = InProcessServer.JSON;
    List<BodyCase> cases = new ArrayList<>();
    cases.add(body("empty body", json, "", 400));
    cases.add(body("whitespace body", json, "  \n\t ", 400));
    cases.add(body("unterminated object", json, "{\"type\":\"cache\"", 400));
    cases.add(body("unterminated array", json, "[" + VALID + ",", 400));
    cases.add(body("trailing garbage", json, "[" + VALID + "] x", 400));
    cases.add(body("top-level number", json, "42", 400));
    cases.add(body("top-level string", json, "\"events\"", 400));
    cases.add(
        body("NaN literal", json, "[{\"type\":\"tool_call\",\"duration_seconds\":NaN}]", 400));
    cases.add(body("Infinity literal", json, "[{\"type\":\"x\",\"v\":Infinity}]", 400));
    cases.add(body("single quotes", json, "[{'type':'cache'}]", 400));
    cases.add(body("comment", json, "[/* hi */" + VALID + "]", 400));
    cases.add(body("duplicate keys", json, "[{\"type\":\"cache\",\"type\":\"cache\"}]", 400));
    cases.add(
        body(
            "nesting past the limit",
            json,
            "[" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "]",
            400));
    cases.add(body("array nesting", json, "[".repeat(5000) + "]".repeat(5000), 400));
    cases.add(body("oversized string", json, "[{\"type\":\"" + "x".repeat(20_000) + "\"}]", 400));
    cases.add(
        body(
            "oversized number", json, "[{\"type\":\"cache\",\"n\":" + "9".repeat(100) + "}]", 400));
    cases.add(body("oversized field name", json, "[{\"" + "k".repeat(1000) + "\":1}]", 400));
    cases.add(
        new BodyCase(
            "invalid UTF-8 in a string",
            json,
            null,
            concat("[{\"type\":\"cache\",\"cache\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}]"),
            400));
    cases.add(
        new BodyCase(
            "invalid UTF-8 start byte",
            json,
            null,
            concat("[", new byte[] {(byte) 0xFF, (byte) 0xFE}, "]"),
            400));
    cases.add(
        body("NDJSON with no readable line", InProcessServer.NDJSON, "{\"type\":\n[1,\n", 400));
    cases.add(
        new BodyCase(
            "overlong UTF-8 (2 bytes)",
            json,
            null,
            concat(
                "[{\"type\":\"cache\",\"cache\":\"a",
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                "b\",\"result\":\"hit\"}]"),
            400));
    cases.add(
        new BodyCase(
            "overlong UTF-8 (3 bytes)",
            json,
            null,
            concat(
                "[{\"type\":\"cache\",\"cache\":\"a",
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                "b\",\"result\":\"hit\"}]"),
            400));
    cases.add(
        new BodyCase(
            "UTF-8 encoded surrogate",
            json,
            null,
            concat(
                "[{\"type\":\"cache\",\"cache\":\"a",
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "b\",\"result\":\"hit\"}]"),
            400));
    for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32BE")) {
      cases.add(
          new BodyCase(
              charset + " body",
              json,
              null,
              ("[" + VALID + "]").getBytes(java.nio.charset.Charset.forName(charset)),
              400));
    }
    cases.add(body("text/plain", "text/plain", "[" + VALID + "]", 415));
    cases.add(body("form content type", "application/x-www-form-urlencoded", "a=b", 415));
    cases.add(body("missing content type", null, "[" + VALID + "]", 415));
    cases.add(body("latin-1 charset", json + "; charset=iso-8859-1", "[" + VALID + "]", 415));
    cases.add(
        new BodyCase(
            "gzip content encoding",
            json,
            "gzip",
            ("[" + VALID + "]").getBytes(StandardCharsets.UTF_8),
            415));
    return cases;
  }

  /** Requests broken at the HTTP level: bodies cut short, bad chunks, bad framing and heads. */
  static List<RawCase> rawCases(int maxBodyBytes) {
    String post = "POST /api/v1/events HTTP/1.1";
    String json = "Content-Type: application/json";
    String chunked = "Transfer-Encoding: chunked";
    byte[] events = ("[" + VALID + "]").getBytes(StandardCharsets.UTF_8);
    List<RawCase> cases = new ArrayList<>();
    // Only the head: the server answers by the declared length before any body is read (and would
    // then read on and throw the body away).
    cases.add(
        raw(
            "declared body over the limit",
            post,
            new byte[0],
            false,
            413,
            "payload_too_large",
            json,
            "Content-Length: " + (maxBodyBytes + 1L)));
    cases.add(
        raw(
            "body cut short, connection half-closed",
            post,
            Arrays.copyOf(events, 20),
            true,
            400,
            "incomplete_body",
            json,
            "Content-Length: " + events.length));
    cases.add(
        raw(
            "chunk size not hexadecimal",
            post,
            utf8("zz\r\n" + VALID + "\r\n0\r\n\r\n"),
            false,
            400,
            "incomplete_body",
            json,
            chunked));
    cases.add(
        raw(
            "chunk cut short, connection half-closed",
            post,
            utf8("100\r\n[" + VALID),
            true,
            400,
            "incomplete_body",
            json,
            chunked));
    cases.add(
        raw(
            "chunk size overflowing 64 bits",
            post,
            utf8("fffffffffffffffffffff\r\n[]\r\n0\r\n\r\n"),
            false,
            400,
            "incomplete_body",
            json,
            chunked));
    cases.add(
        raw(
            "chunk without its CRLF",
            post,
            utf8("2\r\n[]XX0\r\n\r\n"),
            false,
            400,
            "incomplete_body",
            json,
            chunked));
    cases.add(
        raw(
            "two different Content-Lengths",
            post,
            events,
            false,
            400,
            "bad_request",
            json,
            "Content-Length: " + events.length,
            "Content-Length: 3"));
    cases.add(
        raw(
            "negative Content-Length",
            post,
            events,
            false,
            400,
            "bad_request",
            json,
            "Content-Length: -5"));
    cases.add(
        raw(
            "a header line without a colon",
            post,
            events,
            false,
            400,
            "bad_request",
            json,
            "Content-Length: " + events.length,
            "Not a header"));
    cases.add(
        raw(
            "control character in the path",
            "GET /met\u0001rics HTTP/1.1",
            new byte[0],
            false,
            400,
            "bad_request"));
    cases.add(
        raw(
            "URI over 8 KiB",
            "GET /metrics?" + "q".repeat(20_000) + " HTTP/1.1",
            new byte[0],
            false,
            414,
            "uri_too_long"));
    cases.add(
        raw(
            "headers over 8 KiB",
            "GET /metrics HTTP/1.1",
            new byte[0],
            false,
            431,
            "headers_too_large",
            "X-Padding: " + "p".repeat(20_000)));
    cases.add(
        raw(
            "unknown HTTP version",
            "GET /metrics HTTP/7.0",
            new byte[0],
            false,
            505,
            "http_version_not_supported"));
    return cases;
  }

  private static RawCase raw(
      String name,
      String requestLine,
      byte[] body,
      boolean halfClose,
      int status,
      String error,
      String... headers) {
    return new RawCase(name, RawHttp.request(requestLine, body, headers), halfClose, status, error);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static BodyCase body(String name, String contentType, String body, int status) {
    return new BodyCase(name, contentType, null, body.getBytes(StandardCharsets.UTF_8), status);
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static Map<String, Kind> fields(String labels, String numbers, String counts) {
    Map<String, Kind> fields = new LinkedHashMap<>();
    add(fields, labels, Kind.LABEL);
    add(fields, numbers, Kind.NUMBER);
    add(fields, counts, Kind.COUNT);
    return fields;
  }

  private static void add(Map<String, Kind> fields, String names, Kind kind) {
    for (String name : names.split(" ")) {
      if (!name.isEmpty()) {
        fields.put(name, kind);
      }
    }
  }

  /** The template with the value of {@code field} replaced by raw JSON {@code value}. */
  private static String replace(String template, String field, String value) {
    String key = "\"" + field + "\":";
    int start = template.indexOf(key);
    if (start < 0) {
      throw new IllegalArgumentException(field + " is not in " + template);
    }
    int valueStart = start + key.length();
    int valueEnd = valueStart;
    if (template.charAt(valueStart) == '"') {
      valueEnd = template.indexOf('"', valueStart + 1) + 1;
    } else {
      while (",}".indexOf(template.charAt(valueEnd)) < 0) {
        valueEnd++;
      }
    }
    return template.substring(0, valueStart) + value + template.substring(valueEnd);
  }

  private static String abbreviate(String value) {
    return value.length() > 24 ? value.substring(0, 24) + "..." : value;
  }
}
