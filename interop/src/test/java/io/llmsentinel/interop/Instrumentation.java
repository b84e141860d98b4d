package io.llmsentinel.interop;

/**
 * The instrumentation libraries under test, pinned in interop/package.json. The id names the
 * capture folder (interop/target/captures/&lt;id&gt;/) and the Node setup
 * (interop/node/instrumentations.cjs).
 */
enum Instrumentation {
    OTEL("otel-openai-0.21", "@opentelemetry/instrumentation-openai", "0.21.0"),
    TRACELOOP_27("traceloop-openai-0.27", "@traceloop/instrumentation-openai", "0.27.0"),
    TRACELOOP_22("traceloop-openai-0.22", "@traceloop/instrumentation-openai", "0.22.5"),
    OPENINFERENCE(
            "openinference-openai-4.2", "@arizeai/openinference-instrumentation-openai", "4.2.7");

    /** The openai SDK every scenario runs through. */
    static final String OPENAI_SDK_VERSION = "6.49.0";

    final String id;
    final String npmPackage;
    final String version;

    Instrumentation(String id, String npmPackage, String version) {
        this.id = id;
        this.npmPackage = npmPackage;
        this.version = version;
    }

    /** The instrumentation scope the library's spans carry: its package name. */
    String scope() {
        return npmPackage;
    }

    @Override
    public String toString() {
        return id;
    }
}
