package io.agentmetrics.server.otlp;

import com.google.protobuf.ByteString;
import io.agentmetrics.api.AgentMetrics;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records the GenAI spans of an OTLP trace export: each span through {@link SpanMapper}, with the
 * agent name of the nearest enclosing {@code invoke_agent} span of the same export request, else
 * the resource's {@code service.name}, and the workflow step of the nearest enclosing {@code
 * invoke_workflow} span, if any. Every span is counted in {@code agentmetrics_otlp_items_total}.
 */
public final class TraceReceiver {

  /** How far up a span's parents the agent is looked for. */
  private static final int MAX_ANCESTORS = 64;

  private final AgentMetrics metrics;
  private final OtlpCounters counters;
  private final SpanSources spanSources;
  private final CallParents callParents = new CallParents(OtlpLimits.MAX_CALL_PARENTS);
  private final CallParents agentParents = new CallParents(OtlpLimits.MAX_CALL_PARENTS);

  /** Records into {@code metrics}, counts into {@code counters}, notes span senders. */
  public TraceReceiver(AgentMetrics metrics, OtlpCounters counters, SpanSources spanSources) {
    this.metrics = metrics;
    this.counters = counters;
    this.spanSources = spanSources;
  }

  /** Records the valid GenAI spans of {@code request}; the result counts the refused ones. */
  public OtlpResult receive(ExportTraceServiceRequest request) {
    OtlpResult.Builder result = OtlpResult.builder("spans");
    List<Consumer<AgentMetrics>> recordings = new ArrayList<>();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service = ResourceIdentity.serviceName(resource.getResource());
      SpanMapper.ResourceDefaults defaults =
          new SpanMapper.ResourceDefaults(
              ResourceIdentity.team(resource.getResource()),
              ResourceIdentity.provider(resource.getResource()));
      List<Span> spans = new ArrayList<>();
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        spans.addAll(scope.getSpansList());
      }
      GenAiAttributes[] attributes = new GenAiAttributes[spans.size()];
      String[] operations = new String[spans.size()];
      Map<ByteString, Integer> byId = new HashMap<>();
      for (int i = 0; i < spans.size(); i++) {
        attributes[i] = GenAiAttributes.of(spans.get(i).getAttributesList());
        operations[i] = SpanMapper.operation(attributes[i]);
        if (SpanMapper.isInference(operations[i]) && !SpanMapper.namesModel(attributes[i])) {
          operations[i] = null; // no call: a framework's own step around or under one
        }
        if (!spans.get(i).getSpanId().isEmpty()) {
          byId.put(spans.get(i).getSpanId(), i);
        }
      }
      unwrapCalls(spans, operations, byId);
      unwrapAgents(spans, attributes, operations, byId);
      SpanMapper.Step[] steps = new SpanMapper.Step[spans.size()];
      boolean[] isStep = new boolean[spans.size()];
      for (int i = 0; i < spans.size(); i++) {
        steps[i] = step(i, spans, attributes, operations, byId);
        Integer parent = byId.get(spans.get(i).getParentSpanId());
        isStep[i] =
            parent != null
                && parent != i
                && SpanMapper.INVOKE_WORKFLOW.equals(operations[parent])
                && operations[i] != null;
      }
      int[] enclosingAgent = new int[spans.size()];
      long[][] calls = new long[spans.size()][];
      for (int i = 0; i < spans.size(); i++) {
        enclosingAgent[i] = enclosingAgent(i, spans, operations, byId);
      }
      for (int i = 0; i < spans.size(); i++) {
        int run = enclosingAgent[i];
        if (run >= 0) {
          if (calls[run] == null) {
            calls[run] = new long[2];
          }
          calls[run][0] += SpanMapper.isInference(operations[i]) ? 1 : 0;
          calls[run][1] += SpanMapper.EXECUTE_TOOL.equals(operations[i]) ? 1 : 0;
        }
      }
      boolean inference = false;
      for (int i = 0; i < spans.size(); i++) {
        Span span = spans.get(i);
        String agent = agent(i, spans, attributes, operations, byId, service);
        SpanMapper.Outcome outcome =
            SpanMapper.map(
                span, attributes[i], operations[i], agent, defaults, calls[i], steps[i], isStep[i]);
        if (outcome instanceof SpanMapper.Recorded recorded) {
          recordings.add(recorded.recording());
          inference |= recorded.inference();
          result.recorded();
        } else if (outcome instanceof SpanMapper.Refused refused) {
          result.refused("span '" + span.getName() + "' " + refused.reason());
        } else {
          result.ignored();
        }
      }
      if (inference) {
        spanSources.sawInferenceSpans(service);
      }
    }
    for (Consumer<AgentMetrics> recording : recordings) {
      recording.accept(metrics);
    }
    OtlpResult done = result.build();
    counters.count(done);
    return done;
  }

  /**
   * Only the innermost of nested inference spans is a call: a span with an inference span under it
   * (in this request, or noted from an earlier one) is a wrapper that repeats its child's usage (a
   * framework's LLM span around an instrumented client's), and its operation is cleared: not a
   * call, not counted in its run.
   */
  private void unwrapCalls(List<Span> spans, String[] operations, Map<ByteString, Integer> byId) {
    boolean[] wrapper = new boolean[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      if (SpanMapper.isInference(operations[i])) {
        Integer parent = byId.get(spans.get(i).getParentSpanId());
        if (parent == null) {
          // The parent comes in a later request, if at all: remember it.
          callParents.noteParentOf(spans.get(i));
        } else if (parent != i && SpanMapper.isInference(operations[parent])) {
          wrapper[parent] = true;
        }
      }
    }
    for (int i = 0; i < spans.size(); i++) {
      if (SpanMapper.isInference(operations[i])
          && (wrapper[i] || callParents.hasCallUnder(spans.get(i)))) {
        operations[i] = null;
      }
    }
  }

  /**
   * An agent span that names no agent, above a named agent span (in this request, or noted from an
   * earlier one), is that agent's wrapper, not a run of its own: the OpenAI Agents SDK's trace
   * span, which OpenInference exports as an AGENT span around the agent's. Its operation is
   * cleared; where a chain of spans leaves the request, its top's parent is noted for later ones,
   * and a noted top passes the note on to its own parent.
   */
  private void unwrapAgents(
      List<Span> spans,
      GenAiAttributes[] attributes,
      String[] operations,
      Map<ByteString, Integer> byId) {
    boolean unnamedAgents = false;
    for (int i = 0; i < spans.size() && !unnamedAgents; i++) {
      unnamedAgents = isAgent(operations[i]) && !namedAgent(i, spans, attributes, operations);
    }
    boolean[] wrapper = new boolean[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      boolean named = namedAgent(i, spans, attributes, operations);
      // The memory is read where there is an agent span it could unwrap, and at the tops of the
      // request's chains (to pass a note on to their parents): not per span of every request.
      boolean noted =
          !named
              && (unnamedAgents || parentElsewhere(spans.get(i), byId))
              && agentParents.hasCallUnder(spans.get(i));
      if (!named && !noted) {
        continue;
      }
      if (noted && isAgent(operations[i]) && !named) {
        wrapper[i] = true;
      }
      int current = i;
      for (int depth = 0; depth < MAX_ANCESTORS; depth++) {
        Integer parent = byId.get(spans.get(current).getParentSpanId());
        if (parent == null) {
          agentParents.noteParentOf(spans.get(current));
          break;
        }
        if (parent == current) {
          break;
        }
        if (isAgent(operations[parent]) && !namedAgent(parent, spans, attributes, operations)) {
          wrapper[parent] = true;
        }
        current = parent;
      }
    }
    for (int i = 0; i < spans.size(); i++) {
      if (wrapper[i]) {
        operations[i] = null;
      }
    }
  }

  /** Whether the span has a parent that is not in the request. */
  private static boolean parentElsewhere(Span span, Map<ByteString, Integer> byId) {
    return !span.getParentSpanId().isEmpty() && !byId.containsKey(span.getParentSpanId());
  }

  private static boolean isAgent(String operation) {
    return SpanMapper.INVOKE_AGENT.equals(operation);
  }

  private static boolean namedAgent(
      int index, List<Span> spans, GenAiAttributes[] attributes, String[] operations) {
    return isAgent(operations[index])
        && SpanMapper.ownAgent(spans.get(index), attributes[index], operations[index]) != null;
  }

  /** The index of the nearest {@code invoke_agent} span above the span in the request, or -1. */
  private static int enclosingAgent(
      int index, List<Span> spans, String[] operations, Map<ByteString, Integer> byId) {
    int current = index;
    for (int depth = 0; depth < MAX_ANCESTORS; depth++) {
      Integer parent = byId.get(spans.get(current).getParentSpanId());
      if (parent == null || parent == current) {
        return -1;
      }
      if (SpanMapper.INVOKE_AGENT.equals(operations[parent])) {
        return parent;
      }
      current = parent;
    }
    return -1;
  }

  /**
   * The workflow step the span is part of: below the nearest {@code invoke_workflow} span above it,
   * the step is that span's child on the way (the span itself when its parent is the workflow's).
   */
  private static SpanMapper.Step step(
      int index,
      List<Span> spans,
      GenAiAttributes[] attributes,
      String[] operations,
      Map<ByteString, Integer> byId) {
    int current = index;
    for (int depth = 0; depth < MAX_ANCESTORS; depth++) {
      Integer parent = byId.get(spans.get(current).getParentSpanId());
      if (parent == null || parent == current) {
        return null;
      }
      if (SpanMapper.INVOKE_WORKFLOW.equals(operations[parent])) {
        return new SpanMapper.Step(
            SpanMapper.workflowName(spans.get(parent), attributes[parent]),
            SpanMapper.stepName(spans.get(current), attributes[current], operations[current]));
      }
      current = parent;
    }
    return null;
  }

  /** The span's own agent, else the nearest agent span's above it, else the service. */
  private static String agent(
      int index,
      List<Span> spans,
      GenAiAttributes[] attributes,
      String[] operations,
      Map<ByteString, Integer> byId,
      String service) {
    int current = index;
    for (int depth = 0; depth < MAX_ANCESTORS; depth++) {
      String own =
          SpanMapper.ownAgent(spans.get(current), attributes[current], operations[current]);
      if (own != null) {
        return own;
      }
      Integer parent = byId.get(spans.get(current).getParentSpanId());
      if (parent == null || parent == current) {
        break;
      }
      current = parent;
    }
    return service;
  }
}
