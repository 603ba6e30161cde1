// A small support agent in Node.js, as a team would instrument it: the official OpenTelemetry
// Node SDK exporting OTLP/HTTP protobuf (gzip), the `openai` client instrumented by
// @opentelemetry/instrumentation-openai (INSTRUMENTATION=otel) or by OpenLLMetry's
// @traceloop/instrumentation-openai (INSTRUMENTATION=traceloop), and the agent's own
// invoke_agent and execute_tool spans through the OpenTelemetry API, as agent frameworks write
// them. Configured by the standard OTEL_* environment variables; OPENAI_BASE_URL points the
// client at the provider. Runs ROUNDS conversations (default 3), then flushes and exits.
'use strict';

const { NodeSDK } = require('@opentelemetry/sdk-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const { OTLPMetricExporter } = require('@opentelemetry/exporter-metrics-otlp-proto');
const { PeriodicExportingMetricReader } = require('@opentelemetry/sdk-metrics');
const { OpenAIInstrumentation } = require('@opentelemetry/instrumentation-openai');
const traceloop = require('@traceloop/instrumentation-openai');
const api = require('@opentelemetry/api');

const which = process.env.INSTRUMENTATION || 'otel';
const instrumentation =
  which === 'traceloop' ? new traceloop.OpenAIInstrumentation() : new OpenAIInstrumentation();

const sdk = new NodeSDK({
  traceExporter: new OTLPTraceExporter(),
  metricReader: new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter(),
    exportIntervalMillis: 1000,
  }),
  instrumentations: [instrumentation],
});
sdk.start(); // before openai is required, so that the instrumentation's require hook patches it

const OpenAI = require('openai');
const client = new OpenAI({
  baseURL: process.env.OPENAI_BASE_URL,
  apiKey: process.env.OPENAI_API_KEY || 'no-key-needed-by-the-stand-in',
  maxRetries: 0,
});
const tracer = api.trace.getTracer('support-agent');
const model = process.env.OPENAI_MODEL || 'gpt-4o-mini';

async function lookupOrder(question) {
  return tracer.startActiveSpan(
    'execute_tool lookup_order',
    { attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup_order' } },
    async (span) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      span.end();
      return `Order 42 ships today (asked: ${question})`;
    },
  );
}

async function answer(question, stream) {
  return tracer.startActiveSpan(
    'invoke_agent support-bot',
    { attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'support-bot' } },
    async (run) => {
      try {
        const facts = await lookupOrder(question);
        const messages = [
          { role: 'system', content: facts },
          { role: 'user', content: question },
        ];
        if (!stream) {
          const completion = await client.chat.completions.create({ model, messages });
          return completion.choices[0].message.content;
        }
        const chunks = await client.chat.completions.create({
          model,
          messages,
          stream: true,
          stream_options: { include_usage: true },
        });
        let text = '';
        for await (const chunk of chunks) {
          text += chunk.choices[0]?.delta?.content || '';
        }
        return text;
      } catch (error) {
        run.recordException(error);
        run.setStatus({ code: api.SpanStatusCode.ERROR });
        return `(failed: ${error.constructor.name})`;
      } finally {
        run.end();
      }
    },
  );
}

async function main() {
  const rounds = Number(process.env.ROUNDS || 3);
  for (let round = 0; round < rounds; round++) {
    console.log(await answer(`When does order ${round} ship?`, false));
    console.log(await answer(`Can I return order ${round}?`, true));
  }
  await sdk.shutdown();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
