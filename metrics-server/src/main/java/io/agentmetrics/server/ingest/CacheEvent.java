package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.CacheResult;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import java.util.function.Consumer;

/** {@code cache}: a lookup in a cache that hit or missed. */
final class CacheEvent extends EventType {

  CacheEvent() {
    super(IngestEventType.CACHE);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    String cache = f.label("cache", Labels.CACHE);
    boolean hit = f.label("result", Labels.CACHE_RESULT).equals(CacheResult.HIT.label());
    return metrics -> metrics.cacheLookup(cache, hit);
  }
}
