package io.agentmetrics.core;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.lang.management.ManagementFactory;

/**
 * Switches on Micrometer's JVM, process and system binders with one call: JVM memory, garbage
 * collection, threads, class loading, processor (process and system CPU), uptime and open file
 * descriptors. These produce the catalogue's {@link io.agentmetrics.api.Origin#JVM} metrics.
 */
public final class SystemMetrics {

  private static final String PROCESS_CPU_TIME = "process.cpu.time";
  private static final String SYSTEM_CPU_COUNT = "system.cpu.count";

  private SystemMetrics() {}

  /**
   * Binds the JVM, process and system meters to {@code registry}. Call it once per registry; the GC
   * binder listens to GC notifications for the life of the JVM.
   */
  @SuppressWarnings("resource") // JvmGcMetrics keeps listening for the life of the JVM
  public static void bindTo(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    renameForPrometheus(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /**
   * Two meters of Micrometer's processor binder break Prometheus naming conventions (and {@code
   * promtool check metrics}): {@code process.cpu.time} is in nanoseconds, and {@code
   * system.cpu.count} is a gauge ending in {@code _count}. They are replaced by {@code
   * process_cpu_time_seconds_total} and {@code jvm_available_processors}.
   */
  private static void renameForPrometheus(MeterRegistry registry) {
    registry.find(PROCESS_CPU_TIME).meters().forEach(registry::remove);
    registry.find(SYSTEM_CPU_COUNT).meters().forEach(registry::remove);
    Runtime runtime = Runtime.getRuntime();
    Gauge.builder("jvm.available.processors", runtime, Runtime::availableProcessors)
        .description("Processors available to the JVM")
        .register(registry);
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        && os.getProcessCpuTime() >= 0) {
      FunctionCounter.builder(PROCESS_CPU_TIME, os, bean -> bean.getProcessCpuTime() / 1e9)
          .description("CPU time used by the JVM process")
          .baseUnit("seconds")
          .register(registry);
    }
  }
}
