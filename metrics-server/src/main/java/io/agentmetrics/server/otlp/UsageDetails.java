package io.agentmetrics.server.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Usage, cost and first-chunk time where an instrumentation writes them as JSON text (Langfuse's
 * {@code langfuse.observation.usage_details}, {@code cost_details} and {@code
 * completion_start_time}): read by the rules of {@link GenAiField#USAGE_DETAILS}, {@link
 * GenAiField#COST_DETAILS} and {@link GenAiField#FIRST_CHUNK_TIME}, from at most {@value
 * #MAX_CHARS} characters. Anything else (not JSON, not numbers) reads as absent.
 */
final class UsageDetails {

  /** The longest JSON text read. */
  static final int MAX_CHARS = 16 * 1024;

  /** Indexes of {@link #tokens}' result. */
  static final int INPUT = 0;

  static final int OUTPUT = 1;
  static final int CACHE_READ = 2;
  static final int CACHE_WRITE = 3;
  static final int REASONING = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  private UsageDetails() {}

  /**
   * The token counts of a usage-details object (input, output, cache reads, cache writes,
   * reasoning), or null when {@code json} is no object of numbers. A count that is not a whole
   * number, or negative, is returned as such for the caller to refuse.
   */
  static double[] tokens(String json) {
    JsonNode details = object(json);
    if (details == null) {
      return null;
    }
    double[] tokens = new double[5];
    for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isNumber()) {
        continue;
      }
      String type = entry.getKey().toLowerCase(Locale.ROOT);
      double count = entry.getValue().doubleValue();
      if (type.contains("input")) {
        tokens[INPUT] += count;
        if (type.contains("cache_read") || type.contains("cached")) {
          tokens[CACHE_READ] += count;
        } else if (type.contains("cache_creation") || type.contains("cache_write")) {
          tokens[CACHE_WRITE] += count;
        }
      } else if (type.contains("output")) {
        tokens[OUTPUT] += count;
        if (type.contains("reasoning")) {
          tokens[REASONING] += count;
        }
      }
    }
    return tokens;
  }

  /** The cost of a cost-details object: its {@code total}, else the sum; NaN when none. */
  static double costUsd(String json) {
    JsonNode details = object(json);
    if (details == null) {
      return Double.NaN;
    }
    JsonNode total = details.get("total");
    if (total != null && total.isNumber()) {
      return total.doubleValue();
    }
    double sum = 0;
    boolean any = false;
    for (JsonNode amount : details) {
      if (amount.isNumber()) {
        sum += amount.doubleValue();
        any = true;
      }
    }
    return any ? sum : Double.NaN;
  }

  /** An ISO-8601 time, JSON-quoted or not, in nanoseconds since the epoch; -1 when it is none. */
  static long epochNanos(String time) {
    if (time == null || time.length() > 64) {
      return -1;
    }
    String text = time.strip();
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    try {
      Instant instant = Instant.parse(text);
      return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    } catch (DateTimeParseException | ArithmeticException e) {
      return -1;
    }
  }

  private static JsonNode object(String json) {
    if (json == null || json.length() > MAX_CHARS) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
