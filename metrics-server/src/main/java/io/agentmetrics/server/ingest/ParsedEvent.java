package io.agentmetrics.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a batch as the parser read it: its JSON value, not validated yet, or, for an NDJSON
 * line that is not valid JSON, why it could not be read (the other lines still count).
 *
 * @param json the event's JSON value, or null when the line was malformed
 * @param malformed why the line could not be read, or null
 */
public record ParsedEvent(JsonNode json, String malformed) {

  /** An event that parsed as JSON. */
  public static ParsedEvent of(JsonNode json) {
    return new ParsedEvent(json, null);
  }

  /** An NDJSON line that is not valid JSON. */
  public static ParsedEvent malformed(String why) {
    return new ParsedEvent(null, why);
  }

  /** Whether the line could not be read. */
  public boolean isMalformed() {
    return malformed != null;
  }
}
