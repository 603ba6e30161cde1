package io.agentmetrics.server.otlp;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.core.TokenUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token counts of one resource's metric points in one export, summed per label set and handed
 * to the recorder as one {@link TokenUsage} each once every point has been read: the input and the
 * cached input tokens of the same calls arrive as separate points, and only together are they
 * priced right (cached tokens at the cached price, never as a negative cost).
 */
final class TokenSums {

  /** The token kinds an OTLP point can carry. */
  enum Kind {
    INPUT,
    OUTPUT,
    CACHE_READ,
    CACHE_WRITE,
    REASONING
  }

  /** The labels the summed calls share. */
  record Labels(String operation, String provider, String model, String agent, String team) {}

  private static final int CALLS = Kind.values().length;

  private final Map<Labels, long[]> sums = new LinkedHashMap<>();

  /**
   * Adds {@code tokens} of {@code kind}, from {@code calls} calls (0 when the point does not say).
   */
  void add(Labels labels, Kind kind, long tokens, long calls) {
    long[] sum = sums.computeIfAbsent(labels, l -> new long[CALLS + 1]);
    sum[kind.ordinal()] += tokens;
    sum[CALLS] = Math.max(sum[CALLS], calls);
  }

  /** Records every sum through {@code recorder}. */
  void recordInto(MicrometerAgentMetrics recorder) {
    sums.forEach(
        (labels, sum) ->
            recorder.tokenUsage(
                new TokenUsage(
                    labels.operation(),
                    labels.provider(),
                    labels.model(),
                    labels.agent(),
                    labels.team(),
                    sum[Kind.INPUT.ordinal()],
                    sum[Kind.OUTPUT.ordinal()],
                    sum[Kind.CACHE_READ.ordinal()],
                    sum[Kind.CACHE_WRITE.ordinal()],
                    sum[Kind.REASONING.ordinal()],
                    Math.max(1, sum[CALLS]))));
  }
}
