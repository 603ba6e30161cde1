package io.agentmetrics.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The label values the recording benchmarks cycle through: {@value #SIZE} label sets (8 agents, 8
 * skills or models, allowed or denied), all made before the measurement so that strings are not
 * built in the measured code.
 */
public final class LabelSets {

  /** How many label sets are cycled through (a power of two). */
  public static final int SIZE = 128;

  private static final String[] AGENTS = names("agent-", 8);
  private static final String[] SKILLS = names("skill-", 8);

  private LabelSets() {}

  static String agent(int i) {
    return AGENTS[i & 7];
  }

  static String skill(int i) {
    return SKILLS[(i >> 3) & 7];
  }

  static boolean allowed(int i) {
    return (i & 64) == 0;
  }

  private static String[] names(String prefix, int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = prefix + i;
    }
    return names;
  }

  /** Each benchmark thread's position in the label sets. */
  @State(Scope.Thread)
  public static class Cursor {
    private int position;

    /** The next label set's index. */
    int next() {
      return position++ & (SIZE - 1);
    }
  }
}
