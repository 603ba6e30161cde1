package io.agentmetrics.server.otlp;

import io.agentmetrics.api.AgentMetrics;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the GenAI events of an OTLP logs export: a {@code gen_ai.evaluation.result} event (the
 * record's {@code event_name}, else its {@code event.name} attribute) as an evaluation result of
 * its agent ({@code gen_ai.agent.name}, else the resource's {@code service.name}). Every other log
 * record is ignored and counted, never an error; an evaluation without a name, or with a score that
 * is not a finite number, is refused with the reason. Every record is counted in {@code
 * agentmetrics_otlp_items_total{signal="log_records"}}.
 */
final class LogsReceiver {

  static final String EVALUATION_RESULT = "gen_ai.evaluation.result";

  private final AgentMetrics metrics;
  private final OtlpCounters counters;

  LogsReceiver(AgentMetrics metrics, OtlpCounters counters) {
    this.metrics = metrics;
    this.counters = counters;
  }

  /** Records the evaluation results of {@code request}; the result counts the refused ones. */
  OtlpResult receive(ExportLogsServiceRequest request) {
    OtlpResult.Builder result = OtlpResult.builder("log_records");
    List<Consumer<AgentMetrics>> recordings = new ArrayList<>();
    for (ResourceLogs resource : request.getResourceLogsList()) {
      String service = ResourceIdentity.serviceName(resource.getResource());
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        for (LogRecord record : scope.getLogRecordsList()) {
          GenAiAttributes attributes = GenAiAttributes.of(record.getAttributesList());
          if (!EVALUATION_RESULT.equals(eventName(record, attributes))) {
            result.ignored();
            continue;
          }
          String refusal = evaluation(attributes, service, recordings);
          if (refusal == null) {
            result.recorded();
          } else {
            result.refused("event '" + EVALUATION_RESULT + "' " + refusal);
          }
        }
      }
    }
    recordings.forEach(recording -> recording.accept(metrics));
    OtlpResult done = result.build();
    counters.count(done);
    return done;
  }

  private static String eventName(LogRecord record, GenAiAttributes attributes) {
    return record.getEventName().isEmpty()
        ? attributes.text(GenAiField.EVENT_NAME)
        : record.getEventName();
  }

  /** Adds the evaluation's recording, or answers why it is refused. */
  private static String evaluation(
      GenAiAttributes attributes, String service, List<Consumer<AgentMetrics>> recordings) {
    String name = attributes.text(GenAiField.EVALUATION_NAME);
    if (name == null || name.isBlank()) {
      return "has no 'gen_ai.evaluation.name'";
    }
    AnyValue value = attributes.get(GenAiField.EVALUATION_SCORE_VALUE);
    double score = value == null ? Double.NaN : AttributeValues.number(value);
    if (value != null && !Double.isFinite(score)) {
      return "has a 'gen_ai.evaluation.score.value' that is not a number";
    }
    String label = attributes.text(GenAiField.EVALUATION_SCORE_LABEL);
    String own = attributes.text(GenAiField.AGENT_NAME);
    String agent = own == null || own.isBlank() ? service : own;
    recordings.add(metrics -> metrics.evaluationResult(agent, name, score, label));
    return null;
  }
}
