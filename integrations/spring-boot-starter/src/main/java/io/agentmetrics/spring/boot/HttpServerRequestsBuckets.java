package io.agentmetrics.spring.boot;

import io.agentmetrics.api.MetricCatalogue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;

/**
 * Gives Spring Boot's {@code http.server.requests} timer the catalogue's histogram buckets, so that
 * the Application HTTP dashboard's p95 panel and the latency alert have {@code _bucket} series
 * (Spring Boot publishes none by default). Buckets the application configures itself ({@code
 * management.metrics.distribution.slo.http.server.requests}) are kept.
 */
final class HttpServerRequestsBuckets implements MeterFilter {

  private static final double[] BUCKET_NANOS =
      MetricCatalogue.HTTP_SERVER_REQUESTS.buckets().stream()
          .mapToDouble(seconds -> Duration.ofNanos(Math.round(seconds * 1e9)).toNanos())
          .toArray();

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (!id.getName().equals(MetricCatalogue.HTTP_SERVER_REQUESTS.name())
        || config.getServiceLevelObjectiveBoundaries() != null) {
      return config;
    }
    return DistributionStatisticConfig.builder()
        .serviceLevelObjectives(BUCKET_NANOS)
        .build()
        .merge(config);
  }
}
