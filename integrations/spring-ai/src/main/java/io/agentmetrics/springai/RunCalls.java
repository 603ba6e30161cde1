package io.agentmetrics.springai;

import io.agentmetrics.api.RunScope;
import io.micrometer.observation.Observation;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inference and tool calls one {@code ChatClient} call makes (Spring AI loops over the model
 * and its tools inside it), kept in the chat client observation's context: the chat model and tool
 * handlers count into the nearest one above their observation, from whatever thread they run on.
 */
final class RunCalls {

  private static final String KEY = RunCalls.class.getName();
  private static final int MAX_DEPTH = 32;

  /** The agentmetrics run open on the thread that called the chat client, or null. */
  final RunScope run;

  final AtomicLong inference = new AtomicLong();
  final AtomicLong tools = new AtomicLong();

  private RunCalls(RunScope run) {
    this.run = run;
  }

  /** Starts counting for the chat client call of {@code context}. */
  static RunCalls start(Observation.Context context) {
    RunCalls calls = new RunCalls(RunScope.current());
    context.put(KEY, calls);
    return calls;
  }

  /** The counts of {@code context}'s chat client call, or null. */
  static RunCalls of(Observation.Context context) {
    return context.get(KEY);
  }

  /** The counts of the nearest chat client call above {@code context}, or null. */
  static RunCalls above(Observation.Context context) {
    return Ancestors.nearest(context, KEY, MAX_DEPTH);
  }
}
