package io.agentmetrics.server.otlp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The rule against counting a call twice: a service that sends GenAI inference spans is counted
 * from its spans, and its GenAI metric points are skipped while it does (until {@link
 * OtlpLimits#SPAN_SOURCE_TTL_NANOS} after its last such span). Spans win because they carry what
 * metrics cannot: the agent, cost per call, cached and reasoning tokens. Remembers at most {@link
 * OtlpLimits#MAX_SERVICES} services, the least recently seen forgotten first.
 */
public final class SpanSources {

  private final LongSupplier nanoTime;
  private final Map<String, Long> lastSeen =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > OtlpLimits.MAX_SERVICES;
        }
      };

  /** Times by {@code nanoTime} (the facade's ticker in production, a fake one in tests). */
  public SpanSources(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** {@code service} just sent GenAI inference spans. */
  synchronized void sawInferenceSpans(String service) {
    lastSeen.put(service, nanoTime.getAsLong());
  }

  /** Whether {@code service}'s calls are counted from its spans, so its metrics must be skipped. */
  synchronized boolean sendsSpans(String service) {
    Long seen = lastSeen.get(service);
    if (seen == null) {
      return false;
    }
    if (nanoTime.getAsLong() - seen > OtlpLimits.SPAN_SOURCE_TTL_NANOS) {
      lastSeen.remove(service);
      return false;
    }
    return true;
  }
}
