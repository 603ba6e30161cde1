package io.agentmetrics.server.ingest;

import java.util.List;

/**
 * What became of a batch of events.
 *
 * @param accepted events recorded
 * @param rejected events refused
 * @param errors the first {@value #MAX_ERRORS} refused events, in batch order
 */
public record IngestResult(int accepted, int rejected, List<Rejection> errors) {

  /** How many refused events an answer names; the others are only counted. */
  public static final int MAX_ERRORS = 100;

  /** The refused events the answer counts but does not name. */
  public int errorsOmitted() {
    return rejected - errors.size();
  }

  /**
   * One refused event.
   *
   * @param index its 0-based position in the batch (the array, or the non-blank NDJSON lines)
   * @param message why, naming the field
   */
  public record Rejection(int index, String message) {}
}
