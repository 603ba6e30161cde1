package io.agentmetrics.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The distinct values one free-text label has taken on one metric, up to an exact cap. */
final class DistinctValues {

  private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();
  private final int max;

  DistinctValues(int max) {
    this.max = max;
  }

  /** Whether {@code value} was seen before or still fits under the cap (then it is remembered). */
  boolean admit(String value) {
    if (seen.containsKey(value)) {
      return true;
    }
    int current;
    do {
      current = count.get();
      if (current >= max) {
        return seen.containsKey(value);
      }
    } while (!count.compareAndSet(current, current + 1));
    if (seen.putIfAbsent(value, Boolean.TRUE) != null) {
      count.decrementAndGet();
    }
    return true;
  }
}
