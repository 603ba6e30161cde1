package io.agentmetrics.server.ingest;

import java.util.List;

/**
 * What became of a batch of events.
 *
 * @param accepted events recorded
 * @param rejected events refused
 * @param errors one entry per refused event, in batch order
 */
public record IngestResult(int accepted, int rejected, List<Rejection> errors) {

  /**
   * One refused event.
   *
   * @param index its 0-based position in the batch (the array, or the non-blank NDJSON lines)
   * @param message why, naming the field
   */
  public record Rejection(int index, String message) {}
}
