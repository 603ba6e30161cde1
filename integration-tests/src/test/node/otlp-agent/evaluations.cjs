// The agents' judge (agent.cjs, and mastra-agent.mjs, into whose package the build copies this
// file): each answer's relevance to its question, sent as the GenAI conventions' evaluation event,
// a log record exported by the OpenTelemetry SDK's log exporter (POST /v1/logs, or the gRPC logs
// service with OTEL_EXPORTER_OTLP_PROTOCOL=grpc) to OTEL_EXPORTER_OTLP_ENDPOINT.
'use strict';

const { LoggerProvider, BatchLogRecordProcessor } = require('@opentelemetry/sdk-logs');
const { OTLPLogExporter } = require(
  process.env.OTEL_EXPORTER_OTLP_PROTOCOL === 'grpc'
    ? '@opentelemetry/exporter-logs-otlp-grpc'
    : '@opentelemetry/exporter-logs-otlp-proto');
const { resourceFromAttributes } = require('@opentelemetry/resources');

/** The judge of agent `agent`: evaluate(question, answer) sends a verdict; shutdown() flushes. */
function evaluations(agent) {
  const logs = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || agent }),
    processors: [
      new BatchLogRecordProcessor({ exporter: new OTLPLogExporter(), scheduledDelayMillis: 500 }),
    ],
  });
  const logger = logs.getLogger('support-agent');
  return {
    evaluate(question, text) {
      const words = question.toLowerCase().split(/\W+/).filter((word) => word.length >= 4);
      const taken = words.filter((word) => text.toLowerCase().includes(word)).length;
      const score = words.length === 0 ? 1 : taken / words.length;
      logger.emit({
        eventName: 'gen_ai.evaluation.result',
        attributes: {
          'gen_ai.evaluation.name': 'relevance',
          'gen_ai.evaluation.score.value': score,
          'gen_ai.evaluation.score.label': score >= 0.5 ? 'relevant' : 'irrelevant',
          'gen_ai.agent.name': agent,
        },
      });
    },
    shutdown: () => logs.shutdown(),
  };
}

module.exports = { evaluations };
