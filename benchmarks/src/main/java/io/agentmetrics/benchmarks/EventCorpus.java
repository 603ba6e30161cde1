package io.agentmetrics.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Batches of ingest events as agents send them: a mix of llm_call, tool_call, cache and message
 * events whose label values repeat (a steady state of already seen series).
 */
final class EventCorpus {

  private EventCorpus() {}

  /** The {@code i}-th event, one JSON object. */
  static String event(int i) {
    String agent = LabelSets.agent(i);
    switch (i & 3) {
      case 0:
        return "{\"type\":\"llm_call\",\"provider\":\""
            + LlmCalls.provider(i)
            + "\",\"model\":\""
            + LlmCalls.model(i)
            + "\",\"agent\":\""
            + agent
            + "\",\"duration_seconds\":0.84,\"time_to_first_chunk_seconds\":0.21,"
            + "\"input_tokens\":1200,\"output_tokens\":300}";
      case 1:
        return "{\"type\":\"tool_call\",\"agent\":\""
            + agent
            + "\",\"tool\":\"web_search\",\"duration_seconds\":0.12}";
      case 2:
        return "{\"type\":\"cache\",\"cache\":\"prompt\",\"result\":\""
            + (LabelSets.allowed(i) ? "hit" : "miss")
            + "\"}";
      default:
        return "{\"type\":\"message\",\"agent\":\""
            + agent
            + "\",\"channel\":\"slack\",\"direction\":\"inbound\"}";
    }
  }

  /** {@code size} events as NDJSON, starting at event {@code from}. */
  static byte[] ndjson(int from, int size) {
    StringBuilder body = new StringBuilder();
    for (int i = from; i < from + size; i++) {
      body.append(event(i)).append('\n');
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code size} events as a JSON array, starting at event {@code from}. */
  static byte[] jsonArray(int from, int size) {
    StringBuilder body = new StringBuilder("[");
    for (int i = from; i < from + size; i++) {
      body.append(i == from ? "" : ",").append(event(i));
    }
    return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }
}
