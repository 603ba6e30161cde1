package io.agentmetrics.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * Switches on Micrometer's JVM, process and system binders with one call: JVM memory, garbage
 * collection, threads, class loading, processor (process and system CPU), uptime and open file
 * descriptors. These produce the catalogue's {@link io.agentmetrics.api.Origin#JVM} metrics.
 */
public final class SystemMetrics {

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
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }
}
