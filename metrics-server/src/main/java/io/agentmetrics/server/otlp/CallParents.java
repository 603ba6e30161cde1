package io.agentmetrics.server.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spans that have a model call (or, in a second instance, a named agent) under them, remembered
 * across export requests: a framework's LLM span around an instrumented client's span repeats the
 * child's usage, and ends (so is exported) after it, often in a later batch. Only the innermost
 * inference span is a call, and a named agent span the run. Bounded ({@link
 * OtlpLimits#MAX_CALL_PARENTS}, the oldest forgotten first) and thread-safe.
 */
final class CallParents {

  private final Map<ByteString, Boolean> parents;

  CallParents(int capacity) {
    this.parents =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<ByteString, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Notes that {@code call}, an inference span, has a parent (if it names one). */
  synchronized void noteParentOf(Span call) {
    if (!call.getParentSpanId().isEmpty()) {
      parents.put(call.getTraceId().concat(call.getParentSpanId()), Boolean.TRUE);
    }
  }

  /** Whether an inference span noted earlier has {@code span} as its parent. */
  synchronized boolean hasCallUnder(Span span) {
    return parents.containsKey(span.getTraceId().concat(span.getSpanId()));
  }
}
