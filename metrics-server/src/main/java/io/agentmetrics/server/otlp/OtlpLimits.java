package io.agentmetrics.server.otlp;

/** The OTLP receiver's bounds, in one place (docs/otlp.md states them). */
final class OtlpLimits {

  /**
   * The largest cost in USD a span may report for one call (OpenLIT's {@code gen_ai.usage.cost}).
   */
  static final double MAX_COST_USD = 1_000_000;

  /**
   * Parents of recorded inference spans remembered, to tell a wrapper span that repeats its child
   * call's usage (arriving in a later export) from a call; the oldest is forgotten first.
   */
  static final int MAX_CALL_PARENTS = 10_000;

  /** The longest span accepted: a longer one is refused as absurd. */
  static final long MAX_SPAN_NANOS = 24L * 3600 * 1_000_000_000L;

  /** The most tokens one span may report of one kind. */
  static final long MAX_TOKENS = 100_000_000L;

  /** The most retrieved documents counted on one span. */
  static final int MAX_DOCUMENTS = 10_000;

  /** Observations one histogram data point may expand into (the rest are counted as a sum). */
  static final int MAX_EXPANDED_OBSERVATIONS = 10_000;

  /** Cumulative metric streams remembered at once; the least recently seen is forgotten first. */
  static final int MAX_CUMULATIVE_STREAMS = 10_000;

  /** A cumulative stream not seen for this long is forgotten. */
  static final long STREAM_TTL_NANOS = 30L * 60 * 1_000_000_000L;

  /** Services remembered as sending GenAI spans (for the rule against counting twice). */
  static final int MAX_SERVICES = 10_000;

  /** How long a service stays a span sender after its last GenAI span. */
  static final long SPAN_SOURCE_TTL_NANOS = 15L * 60 * 1_000_000_000L;

  /** How long metric points wait for spans of the same service before they are recorded. */
  static final long SPAN_GRACE_NANOS = 10L * 1_000_000_000L;

  /** Metric points waiting for that decision at most; beyond it, points are recorded at once. */
  static final int MAX_PENDING_POINTS = 100_000;

  /** Messages about refused items kept in a partial-success answer. */
  static final int MAX_MESSAGES = 10;

  private OtlpLimits() {}
}
