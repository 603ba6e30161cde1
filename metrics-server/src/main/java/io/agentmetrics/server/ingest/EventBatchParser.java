package io.agentmetrics.server.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
                    .maxNameLength(256)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
        .build();
  }

  /** The events of {@code body}, each not yet validated (it may not even be an object). */
  public List<ParsedEvent> parse(byte[] body, Format format) throws MalformedBatchException {
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
    int start = 0;
    int line = 1;
    while (start <= body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      if (!isBlank(body, start, end)) {
        try {
          events.add(ParsedEvent.of(read(body, start, end - start, "line " + line + ": ")));
          anyReadable = true;
        } catch (MalformedBatchException e) {
          events.add(ParsedEvent.malformed(e.getMessage()));
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

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = "invalid JSON";
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
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

  private static boolean isBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
