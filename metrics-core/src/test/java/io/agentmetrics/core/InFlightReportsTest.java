package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.InFlightWork;
import io.agentmetrics.api.QueuedTaskState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** In-flight reports: absolute, stamped with their arrival, and 0 once expired. */
class InFlightReportsTest {

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final MicrometerAgentMetrics metrics =
      MicrometerAgentMetrics.builder(registry).inFlightExpiry(Duration.ofSeconds(30)).build();

  private double gauge(String name) {
    Gauge gauge =
        registry
            .find(name)
            .tags("gen_ai.agent.name", "planner", "source", "host:1", "work", "runs")
            .gauge();
    assertThat(gauge).as(name).isNotNull();
    return gauge.value();
  }

  @Test
  void aReportReplacesTheValueAndStampsItsArrival() {
    clock.add(1000, TimeUnit.SECONDS);
    metrics.inFlight("host:1", "planner", InFlightWork.RUNS, 7);
    clock.add(5, TimeUnit.SECONDS);
    metrics.inFlight("host:1", "planner", InFlightWork.RUNS, 4);

    assertThat(gauge("agent.in_flight")).isEqualTo(4);
    assertThat(gauge("agent.in_flight.report.timestamp")).isEqualTo(clock.wallTime() / 1000.0);
  }

  @Test
  void aReportOlderThanTheExpiryCountsZeroButKeepsItsTimestamp() {
    metrics.inFlight("host:1", "planner", InFlightWork.RUNS, 7);
    double reportedAt = gauge("agent.in_flight.report.timestamp");

    clock.add(30, TimeUnit.SECONDS);
    assertThat(gauge("agent.in_flight")).as("at the expiry").isEqualTo(7);
    clock.add(1, TimeUnit.SECONDS);
    assertThat(gauge("agent.in_flight")).as("past the expiry").isZero();
    assertThat(gauge("agent.in_flight.report.timestamp")).isEqualTo(reportedAt);
  }

  @Test
  void aNegativeCountIsRejectedAndCounted() {
    metrics.inFlight("host:1", "planner", InFlightWork.RUNS, -3);

    assertThat(registry.find("agent.in_flight").gauges()).isEmpty();
    assertThat(
            registry
                .get("agentmetrics.recordings.rejected")
                .tags("metric", "agent_in_flight")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void queueReportsAreAbsoluteStampedAndExpireLikeInFlightReports() {
    clock.add(1000, TimeUnit.SECONDS);
    metrics.queueReport("host:1", "inbox", QueuedTaskState.WAITING, 150);
    clock.add(5, TimeUnit.SECONDS);
    metrics.queueReport("host:1", "inbox", QueuedTaskState.WAITING, 12);
    metrics.queueReport("host:1", "inbox", QueuedTaskState.BLOCKED, 2);

    assertThat(queueGauge("agent.queue.tasks", "waiting")).isEqualTo(12);
    assertThat(queueGauge("agent.queue.tasks", "blocked")).isEqualTo(2);
    assertThat(queueGauge("agent.queue.tasks.report.timestamp", "waiting"))
        .isEqualTo(clock.wallTime() / 1000.0);
    clock.add(31, TimeUnit.SECONDS);
    assertThat(queueGauge("agent.queue.tasks", "waiting")).as("past the expiry").isZero();
  }

  private double queueGauge(String name, String state) {
    Gauge gauge =
        registry.find(name).tags("queue", "inbox", "source", "host:1", "state", state).gauge();
    assertThat(gauge).as(name + " " + state).isNotNull();
    return gauge.value();
  }
}
