package io.agentmetrics.server.demo;

import java.util.List;
import java.util.Random;

/** Seeded random draws for the demo: the same seed gives the same workload. */
final class Sampler {

  private final Random random;

  Sampler(long seed) {
    this.random = new Random(seed);
  }

  /** True with {@code probability}. */
  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** One element of {@code values}, uniformly. */
  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A log-normal draw with this median and spread (sigma of the log). */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** A whole log-normal draw, at least {@code min}. */
  long count(double median, double sigma, long min) {
    return Math.max(min, Math.round(logNormal(median, sigma)));
  }

  /** A uniform draw in [from, to). */
  double between(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  /** A uniform integer in [from, to]. */
  int intBetween(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }
}
