'use strict';
// The instrumentations under test, each set up as its documentation tells a user to, with
// message content capture on. The ids are the capture folder names and the Java tests' names.
//
// `module` is what to require (the npm alias for the two traceloop versions);
// `env` is set in the child process before anything loads (the settings a user needs);
// `create()` builds the instrumentation once the tracer and logger providers are registered;
// `manual` means the instrumentation does not hook `require('openai')` for this SDK version
// and must be handed the module (see traceloop 0.22 below).

const INSTRUMENTATIONS = [
    {
        id: 'otel-openai-0.21',
        package: '@opentelemetry/instrumentation-openai',
        module: '@opentelemetry/instrumentation-openai',
        // Prompts and completions are emitted only with this on, and then as OTLP log records
        // (gen_ai.user.message, gen_ai.choice, ...), not on the span.
        env: { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' },
        create() {
            const { OpenAIInstrumentation } = require(this.module);
            return new OpenAIInstrumentation();
        },
    },
    {
        id: 'traceloop-openai-0.27',
        package: '@traceloop/instrumentation-openai',
        module: 'traceloop-openai-0.27', // npm alias: two versions side by side
        env: {},
        create() {
            const { OpenAIInstrumentation } = require(this.module);
            // traceContent defaults to true; said explicitly since it decides the texts.
            return new OpenAIInstrumentation({ traceContent: true });
        },
    },
    {
        id: 'traceloop-openai-0.22',
        package: '@traceloop/instrumentation-openai',
        module: 'traceloop-openai-0.22', // npm alias
        env: {},
        // 0.22 declares openai ">=4 <6", so its require hook leaves openai 6 alone; the Traceloop
        // SDK's `instrumentModules: { openAI: OpenAI }` path (manuallyInstrument) patches it.
        manual: true,
        create() {
            const { OpenAIInstrumentation } = require(this.module);
            return new OpenAIInstrumentation({ traceContent: true });
        },
    },
    {
        id: 'openinference-openai-4.2',
        package: '@arizeai/openinference-instrumentation-openai',
        module: '@arizeai/openinference-instrumentation-openai',
        // Inputs and outputs are captured unless OPENINFERENCE_HIDE_INPUTS/OUTPUTS... say not.
        env: {},
        create() {
            const { OpenAIInstrumentation } = require(this.module);
            return new OpenAIInstrumentation();
        },
    },
];

function byId(id) {
    const found = INSTRUMENTATIONS.find((i) => i.id === id);
    if (!found) {
        throw new Error(`unknown instrumentation ${id}; known: ${INSTRUMENTATIONS.map((i) => i.id).join(', ')}`);
    }
    return found;
}

module.exports = { INSTRUMENTATIONS, byId };
