// A small support agent in Node.js, as a team would instrument it: the official OpenTelemetry
// Node SDK exporting OTLP/HTTP protobuf (gzip), the `openai` client instrumented by
// @opentelemetry/instrumentation-openai (INSTRUMENTATION=otel), by OpenLLMetry's
// @traceloop/instrumentation-openai (INSTRUMENTATION=traceloop), by Arize's
// @arizeai/openinference-instrumentation-openai (INSTRUMENTATION=openinference) or by OpenLIT
// with its own SDK (INSTRUMENTATION=openlit), or its calls made through the Vercel AI SDK with its
// own telemetry (INSTRUMENTATION=vercel) or LangChain.js's ChatOpenAI under OpenInference's
// LangChain instrumentation (INSTRUMENTATION=langchain), or traced by Langfuse (INSTRUMENTATION=
// langfuse, from ../langfuse-agent: its packages need the SDK's 2.x line): @langfuse/openai's
// observeOpenAI, the agent and tool as Langfuse observations, exported by @langfuse/otel's span
// processor through the SDK's OTLP exporter; else the agent's own invoke_agent and
// execute_tool spans through the OpenTelemetry API, as agent frameworks write them; its runs and
// conversations in flight as an UpDownCounter; and the evaluation of each answer as a
// gen_ai.evaluation.result event (the SDK's log exporter). Configured by the standard OTEL_*
// environment variables (OTEL_EXPORTER_OTLP_PROTOCOL=grpc: the SDK's -grpc exporters, over
// @grpc/grpc-js); OPENAI_BASE_URL points the client at the provider. Runs ROUNDS conversations
// (default 3), ROUND_PAUSE_MS apart (default 0), then flushes and exits.
'use strict';

const { NodeSDK } = require('@opentelemetry/sdk-node');
const grpc = process.env.OTEL_EXPORTER_OTLP_PROTOCOL === 'grpc';
const { OTLPTraceExporter } = require(
  grpc ? '@opentelemetry/exporter-trace-otlp-grpc' : '@opentelemetry/exporter-trace-otlp-proto');
const { OTLPMetricExporter } = require(
  grpc ? '@opentelemetry/exporter-metrics-otlp-grpc' : '@opentelemetry/exporter-metrics-otlp-proto');
const { PeriodicExportingMetricReader } = require('@opentelemetry/sdk-metrics');
const which = process.env.INSTRUMENTATION || 'otel';
// OpenLIT registers its providers through its own copy of the OpenTelemetry API (1.9); a newer copy
// (the agent's, 1.10) does not use a global registered by an older one, so with OpenLIT the agent's
// own spans and counters go through OpenLIT's copy.
const api = require(
  which === 'openlit'
    ? require.resolve('@opentelemetry/api', { paths: [require('path').dirname(require.resolve('openlit'))] })
    : '@opentelemetry/api');

// The Vercel AI SDK instruments itself (experimental_telemetry), through the global tracer; Langfuse
// wraps the client (observeOpenAI, below). Each package is required only by its own client.
const instrumentations = {
  otel: () => [new (require('@opentelemetry/instrumentation-openai').OpenAIInstrumentation)()],
  traceloop: () => [new (require('@traceloop/instrumentation-openai').OpenAIInstrumentation)()],
  openinference: () => [
    new (require('@arizeai/openinference-instrumentation-openai').OpenAIInstrumentation)(),
  ],
  // LangChain.js's ChatOpenAI under OpenInference's LangChain instrumentation alone: with its OpenAI
  // instrumentation too, each call would be two sibling LLM spans (the LangChain tracer does not
  // make its span the active context), counted twice.
  langchain: () => {
    const { LangChainInstrumentation } = require('@arizeai/openinference-instrumentation-langchain');
    const langchain = new LangChainInstrumentation();
    langchain.manuallyInstrument(require('@langchain/core/callbacks/manager'));
    return [langchain];
  },
  vercel: () => [],
  openlit: () => [],
  langfuse: () => [],
}[which]();

// OpenLIT (INSTRUMENTATION=openlit) sets up its own tracer and meter providers (OTLP/HTTP JSON to
// OTEL_EXPORTER_OTLP_ENDPOINT) and instruments the openai client; its price list is given here
// (by default it fetches one from GitHub), so that its gen_ai.usage.cost is known exactly.
const OPENLIT_PRICES = { chat: { 'gpt-4o-mini': { promptPrice: 0.01, completionPrice: 0.03 } } };
if (which === 'openlit') {
  // Its metrics (the in-flight counter among them) every second, as the other clients' reader.
  process.env.OTEL_EXPORTER_OTLP_METRICS_EXPORT_INTERVAL ??= '1000';
  require('openlit').default.init({
    applicationName: process.env.OTEL_SERVICE_NAME,
    pricingJson: OPENLIT_PRICES,
  });
}

// Langfuse's span processor (its filter: Langfuse and GenAI spans) with the SDK's OTLP exporter in
// place of its own exporter to a Langfuse server, as its `exporter` option allows.
const traceExport = which === 'langfuse'
  ? { spanProcessors: [new (require('@langfuse/otel').LangfuseSpanProcessor)({ exporter: new OTLPTraceExporter() })] }
  : { traceExporter: new OTLPTraceExporter() };
const sdk = which === 'openlit' ? null : new NodeSDK({
  ...traceExport,
  metricReader: new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter(),
    exportIntervalMillis: 1000,
  }),
  instrumentations,
});
sdk?.start(); // before openai is required, so that the instrumentation's require hook patches it

// The agent judges its answers and sends each verdict as a gen_ai.evaluation.result event (the
// SDK's log exporter, POST /v1/logs): evaluations.cjs, shared with the Mastra agent.
const judge = require('./evaluations.cjs').evaluations('support-bot');
const evaluate = judge.evaluate;

const OpenAI = require('openai');
const openai = new OpenAI({
  baseURL: process.env.OPENAI_BASE_URL,
  apiKey: process.env.OPENAI_API_KEY || 'no-key-needed-by-the-stand-in',
  maxRetries: 0,
});
const client = which === 'langfuse' ? require('@langfuse/openai').observeOpenAI(openai) : openai;
const tracer = api.trace.getTracer('support-agent');
const telemetry = { isEnabled: true, functionId: 'support-bot' };

/**
 * Runs fn(span) in a span of the agent's own work (invoke_agent or execute_tool, named `name`):
 * through the OpenTelemetry API with the GenAI attributes, or as a Langfuse observation of the type
 * (agent or tool) named `name`. The span has recordFailure(error) and end().
 */
function ownSpan(operation, name, fn) {
  if (which === 'langfuse') {
    const asType = operation === 'invoke_agent' ? 'agent' : 'tool';
    return require('@langfuse/tracing').startActiveObservation(name, (observation) => fn({
      recordFailure: (error) => observation.update({ level: 'ERROR', statusMessage: String(error) }),
      end: () => {}, // startActiveObservation ends it when fn's promise settles
    }), { asType });
  }
  const key = operation === 'invoke_agent' ? 'gen_ai.agent.name' : 'gen_ai.tool.name';
  return tracer.startActiveSpan(
    `${operation} ${name}`,
    { attributes: { 'gen_ai.operation.name': operation, [key]: name } },
    (span) => fn({
      recordFailure: (error) => {
        span.recordException(error);
        span.setStatus({ code: api.SpanStatusCode.ERROR });
      },
      end: () => span.end(),
    }),
  );
}

/** One model call through LangChain.js's ChatOpenAI (no retries: a 429 is the call's failure). */
async function langchainCall(messages, stream) {
  const { ChatOpenAI } = require('@langchain/openai');
  const chat = new ChatOpenAI({
    model,
    apiKey: process.env.OPENAI_API_KEY || 'no-key-needed-by-the-stand-in',
    configuration: { baseURL: process.env.OPENAI_BASE_URL },
    maxRetries: 0,
    streamUsage: true,
  });
  const input = messages.map((message) => [message.role === 'user' ? 'human' : message.role, message.content]);
  if (!stream) {
    return (await chat.invoke(input)).content;
  }
  let text = '';
  for await (const chunk of await chat.stream(input)) {
    text += chunk.content;
  }
  return text;
}

/** One model call through the Vercel AI SDK: its chat model ('openai.chat'), with telemetry. */
async function vercelCall(messages, stream) {
  const { generateText, streamText } = require('ai');
  const vercel = require('@ai-sdk/openai').createOpenAI({
    baseURL: process.env.OPENAI_BASE_URL,
    apiKey: process.env.OPENAI_API_KEY || 'no-key-needed-by-the-stand-in',
  });
  const settings = { model: vercel.chat(model), messages, maxRetries: 0, experimental_telemetry: telemetry };
  if (!stream) {
    return (await generateText(settings)).text;
  }
  let text = '';
  for await (const part of streamText(settings).fullStream) {
    if (part.type === 'error') {
      throw part.error;
    }
    if (part.type === 'text-delta') {
      text += part.text;
    }
  }
  return text;
}
const model = process.env.OPENAI_MODEL || 'gpt-4o-mini';

async function lookupOrder(question) {
  return ownSpan('execute_tool', 'lookup_order', async (span) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    span.end();
    return `Order 42 ships today (asked: ${question})`;
  });
}

// The agent's work in flight, as an UpDownCounter (exported cumulative: the absolute number).
const inFlight = api.metrics.getMeter('support-agent').createUpDownCounter('agent.in_flight');
const RUNS = { work: 'runs', 'gen_ai.agent.name': 'support-bot' };
const SESSIONS = { work: 'sessions', 'gen_ai.agent.name': 'support-bot' };

async function answer(question, stream) {
  return ownSpan('invoke_agent', 'support-bot', async (run) => {
    inFlight.add(1, RUNS);
    try {
      const facts = await lookupOrder(question);
      const messages = [
        { role: 'system', content: facts },
        { role: 'user', content: question },
      ];
      if (which === 'vercel' || which === 'langchain') {
        const text = await (which === 'vercel' ? vercelCall : langchainCall)(messages, stream);
        evaluate(question, text);
        return text;
      }
      if (!stream) {
        const completion = await client.chat.completions.create({ model, messages });
        const text = completion.choices[0].message.content;
        evaluate(question, text);
        return text;
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
      evaluate(question, text);
      return text;
    } catch (error) {
      run.recordFailure(error);
      return `(failed: ${error.constructor.name})`;
    } finally {
      inFlight.add(-1, RUNS);
      run.end();
    }
  });
}

async function main() {
  const rounds = Number(process.env.ROUNDS || 3);
  const pause = Number(process.env.ROUND_PAUSE_MS || 0); // between conversations, to pace a long run
  for (let round = 0; round < rounds; round++) {
    inFlight.add(1, SESSIONS); // a conversation of two questions
    console.log(await answer(`When does order ${round} ship?`, false));
    console.log(await answer(`Can I return order ${round}?`, true));
    inFlight.add(-1, SESSIONS);
    if (pause > 0) {
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
  if (sdk) {
    await sdk.shutdown();
  } else {
    await api.trace.getTracerProvider().getDelegate().shutdown();
    await api.metrics.getMeterProvider().shutdown?.();
  }
  await judge.shutdown();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
