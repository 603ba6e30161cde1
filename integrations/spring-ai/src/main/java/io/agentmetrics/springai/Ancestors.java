package io.agentmetrics.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;

/** Finds what an enclosing observation keeps in its context, for handlers of the ones under it. */
final class Ancestors {

  private Ancestors() {}

  /**
   * The value under {@code key} in the context of the nearest of {@code context}'s parent
   * observations that has one, looking at most {@code maxDepth} parents up; null if none.
   */
  static <T> T nearest(Observation.Context context, String key, int maxDepth) {
    ObservationView parent = context.getParentObservation();
    for (int depth = 0; parent != null && depth < maxDepth; depth++) {
      T value = parent.getContextView().get(key);
      if (value != null) {
        return value;
      }
      parent = parent.getContextView().getParentObservation();
    }
    return null;
  }
}
