package io.agentmetrics.server.otlp;

import io.agentmetrics.core.GuardedMeters;
import io.agentmetrics.core.MetricHandles;
import io.micrometer.core.instrument.Counter;

/** {@code agentmetrics_otlp_items_total{signal, result}}: what became of every OTLP item. */
public final class OtlpCounters {

  private final MetricHandles.OtlpItems<Counter> items;

  /** Counters through the server's guarded meters. */
  public OtlpCounters(GuardedMeters meters) {
    this.items = MetricHandles.otlpItems(meters);
  }

  void count(OtlpResult result) {
    add(result.signal(), "recorded", result.recorded());
    add(result.signal(), "ignored", result.ignored());
    add(result.signal(), "skipped", result.skipped());
    add(result.signal(), "rejected", result.refused());
  }

  void add(String signal, String result, long count) {
    if (count > 0) {
      items.signal(signal).result(result).increment(count);
    }
  }
}
