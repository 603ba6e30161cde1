package io.agentmetrics.examples.springai;

import java.util.List;

/** Plays a scripted conversation with the agent, round after round. */
final class Conversation {

  /** The scripted conversation: the repeated question is served from the agent's cache. */
  static final List<String> SCRIPT =
      List.of(
          "When does order 42 ship?",
          "How long do refunds take?",
          "When does order 42 ship?",
          "Is the battery covered by the warranty?",
          "Can I call support on Sunday?");

  private Conversation() {}

  /**
   * Asks every question of {@code script} in turn, streamed, {@code rounds} times (0: until
   * interrupted); a failed answer (the provider's 429 or 503) is printed and the conversation goes
   * on.
   */
  static void run(SupportAgent agent, List<String> script, int rounds) {
    for (int round = 0; rounds == 0 || round < rounds; round++) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      agent.clearCache();
      for (String question : script) {
        try {
          System.out.println("Q: " + question + "\nA: " + agent.answer(question, true));
        } catch (RuntimeException e) {
          System.out.println("Q: " + question + "\n(failed: " + e.getClass().getSimpleName() + ")");
        }
      }
    }
  }
}
