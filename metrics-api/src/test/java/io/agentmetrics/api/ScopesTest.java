package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The scopes measure with the facade's ticker and record exactly one event when closed. */
class ScopesTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Object> recorded = new ArrayList<>();
  private final List<LlmCall> calls = new ArrayList<>();

  /** An AgentMetrics that keeps what it is asked to record, on a hand-driven clock. */
  private final AgentMetrics metrics =
      (AgentMetrics)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {AgentMetrics.class},
              (proxy, method, args) -> {
                if (method.isDefault()) {
                  if (method.getName().equals("ticker")) {
                    return (Ticker) now::get;
                  }
                  return InvocationHandler.invokeDefault(proxy, method, args);
                }
                if (args[0] instanceof LlmCall call) {
                  calls.add(call);
                }
                recorded.add(method.getName() + List.of(args));
                return null;
              });

  private void advanceMillis(long millis) {
    now.addAndGet(millis * 1_000_000L);
  }

  @Test
  void aRunRecordsItsDurationStatusAndTheCallsStartedThroughIt() {
    try (RunScope run = metrics.startRun("support-bot")) {
      advanceMillis(200);
      try (LlmCallScope call = run.startLlmCall("openai", "gpt-5")) {
        advanceMillis(300);
        call.tokens(120, 30);
      }
      try (ToolCallScope tool = run.startToolCall("search")) {
        advanceMillis(50);
        tool.failed(new IOException("down"));
      }
      advanceMillis(450);
    }

    assertThat(recorded)
        .containsExactly(
            "agentRunStarted[support-bot]",
            "llmCall["
                + LlmCall.builder("openai", "gpt-5")
                    .agent("support-bot")
                    .tokens(120, 30)
                    .durationSeconds(0.3)
                    .build()
                + "]",
            "toolCall["
                + new ToolCall("support-bot", "search", ToolKind.TOOL, 0.05, "java.io.IOException")
                + "]",
            "agentRun["
                + new AgentRun("support-bot", RunStatus.SUCCESS, 1.0, null).withCalls(1, 1)
                + "]");
  }

  @Test
  void aFailedRunCarriesTheExceptionClassAndClosingTwiceRecordsOnce() {
    RunScope run = metrics.startRun("a");
    advanceMillis(1500);
    run.failed(new IllegalStateException("boom"));
    run.close();
    run.close();

    assertThat(recorded)
        .containsExactly(
            "agentRunStarted[a]",
            "agentRun["
                + new AgentRun("a", RunStatus.ERROR, 1.5, "java.lang.IllegalStateException")
                    .withCalls(0, 0)
                + "]");
  }

  @Test
  void aStreamedCallMeasuresTheFirstChunkAndTheIntervalsBetweenChunks() {
    LlmCallScope call = metrics.startLlmCall("anthropic", "claude-sonnet-4-5");
    advanceMillis(400);
    call.chunk();
    advanceMillis(20);
    call.chunk();
    advanceMillis(30);
    call.chunk();
    advanceMillis(50);
    call.close();

    assertThat(calls).hasSize(1);
    LlmCall recordedCall = calls.get(0);
    assertThat(recordedCall.durationSeconds()).isEqualTo(0.5);
    assertThat(recordedCall.timeToFirstChunkSeconds()).isEqualTo(0.4);
    assertThat(recordedCall.chunkIntervalsSeconds()).containsExactly(0.02, 0.03);
  }

  @Test
  void aTaskIsStartedAndFinishedWithItsStatus() {
    try (TaskScope task = metrics.startTask("a", "support")) {
      advanceMillis(2000);
      task.failed();
    }
    assertThat(recorded)
        .containsExactly(
            "taskStarted[a, support]",
            "taskFinished[" + new TaskResult("a", "support", TaskStatus.FAILED, 2.0) + "]");
  }

  @Test
  void errorTypesAreQualifiedClassNamesThatFitTheLabel() {
    assertThat(ErrorTypes.of(new IOException())).isEqualTo("java.io.IOException");
    assertThat(ErrorTypes.of(null)).isEqualTo("_OTHER");
    class QuotaOfTheUpstreamProviderExceededError extends RuntimeException {}
    RuntimeException local = new QuotaOfTheUpstreamProviderExceededError();
    assertThat(local.getClass().getName()).hasSizeGreaterThan(ErrorTypes.MAX_LENGTH);
    assertThat(ErrorTypes.of(local)).isEqualTo("QuotaOfTheUpstreamProviderExceededError");
  }
}
