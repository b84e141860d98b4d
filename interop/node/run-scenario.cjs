'use strict';
// Runs the scenario's calls through the real openai SDK with ONE instrumentation loaded, and
// writes what the OpenTelemetry SDK exports to the output folder:
//   traces.otlp-proto, traces.otlp.jsonl   the spans (see otlp-file-exporters.cjs)
//   logs.otlp-proto, logs.otlp.jsonl       the log records (the official library's content)
//   calls.jsonl                            what the application saw of each call (client clock)
//   run.json                               versions, server address, settings of this run
//
// The application shape: one parent span `interop scenario`, started in a context whose W3C
// baggage holds user.id and session.id, and one span `call <name>` (attribute interop.call) per
// call, under which the instrumentation records the LLM span. The BaggageSpanProcessor copies
// every baggage entry onto every span as it starts: that is how user and session reach the LLM
// spans, which no instrumentation sets itself.
//
// Usage: node node/run-scenario.cjs <instrumentation id> <server base url> <output dir>

const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { byId } = require('./instrumentations.cjs');
const crypto = require('node:crypto');
const { loadScenario, SCENARIO_FILE } = require('./fake-openai-server.cjs');

const [id, baseURL, outDir] = process.argv.slice(2);
if (!id || !baseURL || !outDir) {
    console.error('usage: run-scenario.cjs <instrumentation id> <server base url> <output dir>');
    process.exit(2);
}
const instrumentation = byId(id);
// The settings a user sets in the environment must be there before the library reads them.
Object.assign(process.env, instrumentation.env);

const { trace, context, propagation, SpanStatusCode } = require('@opentelemetry/api');
const { logs } = require('@opentelemetry/api-logs');
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { LoggerProvider, BatchLogRecordProcessor } = require('@opentelemetry/sdk-logs');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const {
    BaggageSpanProcessor,
    ALLOW_ALL_BAGGAGE_KEYS,
} = require('@opentelemetry/baggage-span-processor');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { traceFileExporter, logFileExporter } = require('./otlp-file-exporters.cjs');

const scenario = loadScenario();
fs.mkdirSync(outDir, { recursive: true });

const resource = resourceFromAttributes({
    'service.name': scenario.service_name,
    'deployment.environment.name': scenario.deployment_environment,
});
// BatchSpanProcessor as in production SDK setups; everything is flushed at the end.
const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: [
        new BaggageSpanProcessor(ALLOW_ALL_BAGGAGE_KEYS),
        new BatchSpanProcessor(traceFileExporter(outDir)),
    ],
});
tracerProvider.register();
const loggerProvider = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor({ exporter: logFileExporter(outDir) })],
});
logs.setGlobalLoggerProvider(loggerProvider);

// The instrumentation must exist before openai is required, so that its require hook patches it.
const instr = instrumentation.create();
registerInstrumentations({ tracerProvider, loggerProvider, instrumentations: [instr] });
const openaiModule = require('openai');
if (instrumentation.manual) {
    instr.manuallyInstrument(openaiModule.OpenAI);
}
const OpenAI = openaiModule.OpenAI;
// No retries: a 429 or 500 is one call, as scripted.
const client = new OpenAI({ baseURL, apiKey: 'sk-interop-not-a-real-key', maxRetries: 0 });

const now = () => performance.timeOrigin + performance.now();

async function invoke(call) {
    const options = { headers: { 'x-interop-call': call.name } };
    const request = call.request;
    const seen = {};
    switch (call.api) {
        case 'chat.completions': {
            const result = await client.chat.completions.create(request, options);
            if (request.stream) {
                let text = '';
                for await (const chunk of result) {
                    const delta = chunk.choices[0]?.delta?.content;
                    if (delta && seen.first_chunk_unix_ms === undefined) {
                        seen.first_chunk_unix_ms = now();
                    }
                    text += delta || '';
                }
                seen.text = text;
            } else {
                seen.text = result.choices[0].message.content;
            }
            break;
        }
        case 'embeddings': {
            const result = await client.embeddings.create(request, options);
            seen.dimensions = result.data[0].embedding.length;
            break;
        }
        case 'responses': {
            const result = await client.responses.create(request, options);
            seen.text = result.output_text;
            break;
        }
        case 'completions': {
            const result = await client.completions.create(request, options);
            seen.text = result.choices[0].text;
            break;
        }
        default:
            throw new Error(`unknown api ${call.api}`);
    }
    return seen;
}

async function runCalls(tracer) {
    const records = [];
    for (const call of scenario.calls) {
        await tracer.startActiveSpan(
            `call ${call.name}`,
            { attributes: { 'interop.call': call.name } },
            async (span) => {
                const record = { name: call.name, start_unix_ms: now() };
                try {
                    Object.assign(record, await invoke(call), { outcome: 'ok' });
                } catch (e) {
                    record.outcome = 'error';
                    record.error = { class: e.constructor.name, status: e.status ?? null };
                    span.setStatus({ code: SpanStatusCode.ERROR, message: e.message });
                }
                record.end_unix_ms = now();
                span.end();
                records.push(record);
            },
        );
    }
    return records;
}

function packageVersion(name) {
    // read from disk: a package's exports map may not expose its package.json
    const file = path.join(__dirname, '..', 'node_modules', name, 'package.json');
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

async function main() {
    const tracer = trace.getTracer('llm-sentinel-interop-app');
    const entries = Object.fromEntries(
        Object.entries(scenario.baggage).map(([k, v]) => [k, { value: v }]),
    );
    const withBaggage = propagation.setBaggage(context.active(), propagation.createBaggage(entries));
    const records = await context.with(withBaggage, () =>
        tracer.startActiveSpan('interop scenario', async (root) => {
            try {
                return await runCalls(tracer);
            } finally {
                root.end();
            }
        }),
    );
    await tracerProvider.forceFlush();
    await loggerProvider.forceFlush();
    await tracerProvider.shutdown();
    await loggerProvider.shutdown();

    fs.writeFileSync(
        path.join(outDir, 'calls.jsonl'),
        records.map((r) => JSON.stringify(r)).join('\n') + '\n',
    );
    const run = {
        instrumentation: instrumentation.id,
        package: instrumentation.package,
        package_version: packageVersion(instrumentation.module),
        openai_version: packageVersion('openai'),
        node_version: process.version,
        server_url: baseURL,
        // the tests refuse captures of another scenario.json than the one they read
        scenario_sha256: crypto.createHash('sha256').update(fs.readFileSync(SCENARIO_FILE)).digest('hex'),
        env: instrumentation.env,
        manually_instrumented: !!instrumentation.manual,
    };
    fs.writeFileSync(path.join(outDir, 'run.json'), JSON.stringify(run, null, 2) + '\n');
    const failed = records.filter((r) => r.outcome === 'error').map((r) => `${r.name} (${r.error.class})`);
    console.log(`${id}: ${records.length} calls, errors as scripted: ${failed.join(', ')}`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
