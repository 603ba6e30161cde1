package io.agentmetrics.server.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a request body into events: a JSON array of events, a single event object, or NDJSON (one
 * event per line). Limits nesting depth, string and number lengths, so hostile bodies fail fast
 * with a {@link MalformedBatchException} instead of exhausting the server. In NDJSON each line
 * stands alone: a line that is not valid JSON becomes a {@link ParsedEvent#malformed} entry and the
 * other lines still count; only a body with no readable line at all is malformed as a whole.
 */
public final class EventBatchParser {

  /** The body formats the ingest API accepts. */
  public enum Format {
    /** {@code application/json}: an array of events, or one event object. */
    JSON,
    /** {@code application/x-ndjson}: one event object per line. */
    NDJSON
  }

  private static final int MAX_DEPTH = 16;
  private static final int MAX_STRING_LENGTH = 16_384;
  private static final int MAX_NUMBER_LENGTH = 64;
  private static final int MAX_NAME_LENGTH = 256;

  /**
   * Where Jackson's messages turn to its own internals (feature names, "enable ..." advice, the
   * constraint that fired): cut there, so an answer names the problem and nothing of the parser.
   */
  private static final List<String> JACKSON_ADVICE =
      List.of("\n", " (from `", ": enable `", "; enable `", "(not recognized", " (for input", "`");

  /** A malformed line past those whose reasons an answer can name. */
  private static final ParsedEvent UNNAMED_MALFORMED_LINE = ParsedEvent.malformed("not valid JSON");

  private volatile ObjectMapper mapper;

  /** A parser with the ingest API's limits; Jackson's mapper is built on first use. */
  public EventBatchParser() {}

  private ObjectMapper mapper() {
    ObjectMapper existing = mapper;
    if (existing == null) {
      synchronized (this) {
        if (mapper == null) {
          mapper = newMapper();
        }
        existing = mapper;
      }
    }
    return existing;
  }

  private static ObjectMapper newMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
        .build();
  }

  /**
   * The events of {@code body}, each not yet validated (it may not even be an object). The body
   * must be strict UTF-8 ({@link Utf8Check}).
   */
  public List<ParsedEvent> parse(byte[] body, Format format) throws MalformedBatchException {
    String encoding = Utf8Check.problem(body);
    if (encoding != null) {
      throw new MalformedBatchException(encoding);
    }
    return format == Format.NDJSON ? parseLines(body) : parseDocument(body);
  }

  private List<ParsedEvent> parseDocument(byte[] body) throws MalformedBatchException {
    JsonNode root = read(body, 0, body.length, "");
    if (root.isArray()) {
      List<ParsedEvent> events = new ArrayList<>(root.size());
      root.forEach(event -> events.add(ParsedEvent.of(event)));
      return events;
    }
    if (root.isObject()) {
      return List.of(ParsedEvent.of(root));
    }
    throw new MalformedBatchException("the body must be a JSON array of event objects");
  }

  private List<ParsedEvent> parseLines(byte[] body) throws MalformedBatchException {
    List<ParsedEvent> events = new ArrayList<>();
    MalformedBatchException firstProblem = null;
    boolean anyReadable = false;
    int malformed = 0;
    int start = 0;
    int line = 1;
    while (start <= body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      int first = firstNonBlank(body, start, end);
      if (first < end) {
        try {
          if (body[first] != '{') {
            // Not an object, so not an event: refused without asking the JSON parser.
            throw new MalformedBatchException("line " + line + ": an event must be a JSON object");
          }
          events.add(ParsedEvent.of(read(body, start, end - start, "line " + line + ": ")));
          anyReadable = true;
        } catch (MalformedBatchException e) {
          // Only the first lines' reasons can reach the answer (IngestResult.MAX_ERRORS).
          boolean named = malformed++ < IngestResult.MAX_ERRORS;
          events.add(named ? ParsedEvent.malformed(e.getMessage()) : UNNAMED_MALFORMED_LINE);
          firstProblem = firstProblem == null ? e : firstProblem;
        }
      }
      start = end + 1;
      line++;
    }
    if (!anyReadable) {
      throw firstProblem != null ? firstProblem : new MalformedBatchException("the body is empty");
    }
    return events;
  }

  private JsonNode read(byte[] body, int offset, int length, String where)
      throws MalformedBatchException {
    if (isBlank(body, offset, offset + length)) {
      throw new MalformedBatchException(where + "the body is empty");
    }
    try {
      JsonNode node = mapper().readTree(body, offset, length);
      if (node == null || node.isMissingNode()) {
        throw new MalformedBatchException(where + "no JSON value");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedBatchException(where + describe(e));
    } catch (IOException e) {
      throw new MalformedBatchException(where + "unreadable body");
    }
  }

  /**
   * A reader's message for {@code e}: the parser's own words, less what names its internals (its
   * constraint and feature classes, "enable ..." advice), with the line and column.
   */
  private static String describe(JsonProcessingException e) {
    String message;
    if (e instanceof StreamConstraintsException) {
      message = describeLimit(String.valueOf(e.getOriginalMessage()));
    } else {
      message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
      for (String internals : JACKSON_ADVICE) {
        int at = message.indexOf(internals);
        if (at >= 0) {
          message = message.substring(0, at);
        }
      }
      message = message.strip();
      if (message.endsWith(":") || message.endsWith(";")) {
        message = message.substring(0, message.length() - 1);
      }
    }
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
    return message;
  }

  private static String describeLimit(String jackson) {
    if (jackson.contains("nesting depth")) {
      return "the JSON is nested deeper than " + MAX_DEPTH + " levels";
    }
    if (jackson.contains("String value length")) {
      return "a string is longer than " + MAX_STRING_LENGTH + " characters";
    }
    if (jackson.contains("Number value length")) {
      return "a number is longer than " + MAX_NUMBER_LENGTH + " characters";
    }
    if (jackson.contains("Name length")) {
      return "a field name is longer than " + MAX_NAME_LENGTH + " characters";
    }
    return "the JSON exceeds a size limit of the ingest API";
  }

  private static boolean isBlank(byte[] body, int from, int to) {
    return firstNonBlank(body, from, to) == to;
  }

  /** The index of the first byte in [from, to) that is not JSON white space, or {@code to}. */
  private static int firstNonBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return i;
      }
    }
    return to;
  }
}
