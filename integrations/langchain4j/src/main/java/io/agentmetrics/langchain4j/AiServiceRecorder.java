package io.agentmetrics.langchain4j;

import dev.langchain4j.observability.api.event.AiServiceEvent;
import dev.langchain4j.observability.api.event.AiServiceRequestIssuedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.observability.api.listener.ToolExecutedEventListener;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.AgentRun;
import io.agentmetrics.api.RunScope;
import io.agentmetrics.core.IntegrationGuard;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An AI service's invocations and the calls LangChain4j makes inside them (each request to the
 * model, failed ones included, and each tool execution): counted for the agentmetrics run open on
 * the thread that invoked the service ({@link RunScope#current()}), or, when none is, recorded as
 * an agent run of the bridge's agent with those counts. At most {@value #MAX_PENDING} invocations
 * are followed at once (one more is counted as a bridge failure).
 */
final class AiServiceRecorder {

  static final int MAX_PENDING = 10_000;

  private final AgentMetrics metrics;
  private final String agent;
  private final IntegrationGuard failures;
  private final Map<UUID, Invocation> pending = new ConcurrentHashMap<>();

  /** An invocation under way: the run it counts for (or null), its start, its calls. */
  private static final class Invocation {
    final RunScope run;
    final long start;
    final AtomicLong inference = new AtomicLong();
    final AtomicLong tools = new AtomicLong();

    Invocation(RunScope run, long start) {
      this.run = run;
      this.start = start;
    }
  }

  AiServiceRecorder(AgentMetrics metrics, String agent, IntegrationGuard failures) {
    this.metrics = metrics;
    this.agent = agent;
    this.failures = failures;
  }

  /** The listeners, for {@code AiServices.builder(..).registerListeners(..)}. */
  List<AiServiceListener<?>> listeners() {
    AiServiceStartedListener started = this::onStarted;
    AiServiceRequestIssuedListener request = this::onRequest;
    ToolExecutedEventListener tool = this::onTool;
    AiServiceCompletedListener completed = event -> ended(event, null);
    AiServiceErrorListener error =
        event -> ended(event, LangChain4jBridge.errorType(event.error()));
    return List.of(started, request, tool, completed, error);
  }

  private void onStarted(AiServiceStartedEvent event) {
    failures.guard(
        "ai service started",
        () -> {
          if (pending.size() >= MAX_PENDING) {
            throw new IllegalStateException(
                "more than " + MAX_PENDING + " AI service invocations under way at once");
          }
          RunScope run = RunScope.current();
          pending.put(
              event.invocationContext().invocationId(),
              new Invocation(run, metrics.ticker().nanos()));
          if (run == null) {
            metrics.agentRunStarted(agent);
          }
        });
  }

  private void onRequest(AiServiceRequestIssuedEvent event) {
    Invocation invocation = pending.get(event.invocationContext().invocationId());
    if (invocation != null) {
      invocation.inference.incrementAndGet();
    }
  }

  private void onTool(ToolExecutedEvent event) {
    Invocation invocation = pending.get(event.invocationContext().invocationId());
    if (invocation != null) {
      invocation.tools.incrementAndGet();
    }
  }

  private void ended(AiServiceEvent event, String errorType) {
    failures.guard(
        "ai service ended",
        () -> {
          Invocation invocation = pending.remove(event.invocationContext().invocationId());
          if (invocation == null) {
            return;
          }
          long inference = invocation.inference.get();
          long tools = invocation.tools.get();
          if (invocation.run != null) {
            invocation.run.countCalls(inference, tools);
            return;
          }
          double seconds = metrics.ticker().secondsSince(invocation.start);
          metrics.agentRun(AgentRun.ended(agent, seconds, errorType).withCalls(inference, tools));
        });
  }
}
