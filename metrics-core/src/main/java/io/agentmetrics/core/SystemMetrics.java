package io.agentmetrics.core;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches on Micrometer's JVM, process and system binders with one call: JVM memory, garbage
 * collection, threads, class loading, processor (process and system CPU), uptime and open file
 * descriptors. These produce the catalogue's {@link io.agentmetrics.api.Origin#JVM} metrics.
 *
 * <p>Two meters of Micrometer's processor binder break Prometheus naming conventions (and {@code
 * promtool check metrics}): {@code process.cpu.time} is in nanoseconds, and {@code
 * system.cpu.count} is a gauge ending in {@code _count}. The {@link #prometheusNaming()} filter
 * keeps them out of the registry, and {@link #bindTo} registers {@code
 * process_cpu_time_seconds_total} and {@code jvm_available_processors} in their place.
 */
public final class SystemMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(SystemMetrics.class);
  private static final String PROCESS_CPU_TIME = "process.cpu.time";
  private static final String SYSTEM_CPU_COUNT = "system.cpu.count";
  private static final String SECONDS = "seconds";

  private SystemMetrics() {}

  /**
   * The filter that refuses the two badly named processor meters. Configure it when the registry is
   * created, before any meter is registered (Micrometer applies filters only to later meters and
   * warns about late ones); {@link #bindTo} does so itself on a registry that is still empty.
   */
  public static MeterFilter prometheusNaming() {
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        boolean nanoseconds =
            id.getName().equals(PROCESS_CPU_TIME) && !SECONDS.equals(id.getBaseUnit());
        return nanoseconds || id.getName().equals(SYSTEM_CPU_COUNT)
            ? MeterFilterReply.DENY
            : MeterFilterReply.NEUTRAL;
      }
    };
  }

  /**
   * Binds the JVM, process and system meters to {@code registry}. Call it once per registry; the GC
   * binder listens to GC notifications for the life of the JVM. On a registry that already holds
   * meters, configure {@link #prometheusNaming()} at its creation.
   */
  @SuppressWarnings("resource") // JvmGcMetrics keeps listening for the life of the JVM
  public static void bindTo(MeterRegistry registry) {
    if (registry.getMeters().isEmpty()) {
      registry.config().meterFilter(prometheusNaming());
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    registerPrometheusNamedProcessorMeters(registry);
  }

  private static void registerPrometheusNamedProcessorMeters(MeterRegistry registry) {
    if (registry.find(SYSTEM_CPU_COUNT).meter() != null) {
      LOG.warn(
          "{} and {} are exported under names Prometheus does not expect: configure"
              + " SystemMetrics.prometheusNaming() on the registry before registering meters",
          PROCESS_CPU_TIME,
          SYSTEM_CPU_COUNT);
      return;
    }
    Runtime runtime = Runtime.getRuntime();
    Gauge.builder("jvm.available.processors", runtime, Runtime::availableProcessors)
        .description("Processors available to the JVM")
        .register(registry);
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        && os.getProcessCpuTime() >= 0) {
      FunctionCounter.builder(PROCESS_CPU_TIME, os, bean -> bean.getProcessCpuTime() / 1e9)
          .description("CPU time used by the JVM process")
          .baseUnit(SECONDS)
          .register(registry);
    }
  }
}
