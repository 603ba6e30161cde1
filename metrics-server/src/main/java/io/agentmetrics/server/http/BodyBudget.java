package io.agentmetrics.server.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the server may hold at once, across all requests being read or
 * waiting to be processed: a bound on ingest memory whatever the number of clients.
 */
final class BodyBudget {

  private final long capacity;
  private final AtomicLong available;

  BodyBudget(long capacity) {
    this.capacity = capacity;
    this.available = new AtomicLong(capacity);
  }

  /**
   * A budget of {@code capacity} bytes, or of a quarter of the JVM's maximum heap when it is 0; at
   * least one body of {@code maxBodyBytes} either way.
   */
  static BodyBudget of(long capacity, long maxBodyBytes) {
    long bytes = capacity > 0 ? capacity : Runtime.getRuntime().maxMemory() / 4;
    return new BodyBudget(Math.max(maxBodyBytes, bytes));
  }

  long capacity() {
    return capacity;
  }

  /** Takes {@code bytes} from the budget; false (and nothing taken) when there is not enough. */
  boolean tryReserve(long bytes) {
    long left;
    do {
      left = available.get();
      if (left < bytes) {
        return false;
      }
    } while (!available.compareAndSet(left, left - bytes));
    return true;
  }

  /** Gives {@code bytes} back. */
  void release(long bytes) {
    available.addAndGet(bytes);
  }

  /** The bytes held now. */
  long inUse() {
    return capacity - available.get();
  }
}
