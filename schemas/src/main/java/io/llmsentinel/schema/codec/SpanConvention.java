package io.llmsentinel.schema.codec;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/**
 * The attribute convention a span follows, recognised per span: one service may run libraries of
 * several conventions (an OpenInference agent framework over an OTel-instrumented SDK).
 */
public enum SpanConvention {
    /** OpenTelemetry GenAI semantic conventions: {@code gen_ai.*}. */
    OTEL_GEN_AI,
    /**
     * OpenLLMetry (Traceloop): {@code gen_ai.*} plus its own names, in older versions flattened
     * {@code gen_ai.prompt.N.*} / {@code gen_ai.completion.N.*} content and {@code
     * llm.request.type}.
     */
    OPENLLMETRY,
    /**
     * OpenInference (Arize): {@code openinference.span.kind}, {@code llm.*}, {@code input.value}.
     */
    OPENINFERENCE;

    /**
     * The convention of a span, or null when it is no GenAI span (HTTP, DB...). OpenInference names
     * its spans explicitly; OpenLLMetry is told from plain GenAI by names only it uses.
     */
    static SpanConvention of(AttributeSlots a, List<KeyValue> attributes) {
        if (a.has(OtlpAttribute.OPENINFERENCE_SPAN_KIND)) {
            return OPENINFERENCE;
        }
        boolean genAi =
                a.has(OtlpAttribute.OPERATION_NAME)
                        || a.has(OtlpAttribute.PROVIDER_NAME)
                        || a.has(OtlpAttribute.SYSTEM);
        if (a.has(OtlpAttribute.LLM_REQUEST_TYPE)
                || (genAi
                        && (a.has(OtlpAttribute.LLM_USAGE_TOTAL_TOKENS)
                                || hasOpenLlmetryKey(attributes)))) {
            return OPENLLMETRY;
        }
        return genAi ? OTEL_GEN_AI : null;
    }

    private static boolean hasOpenLlmetryKey(List<KeyValue> attributes) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            String key = attributes.get(i).getKey();
            if (key.startsWith("traceloop.")
                    || isIndexed(key, OpenLlmetryContent.PROMPTS)
                    || isIndexed(key, OpenLlmetryContent.COMPLETIONS)) {
                return true;
            }
        }
        return false;
    }

    /** "gen_ai.prompt.0.content", not our "gen_ai.prompt.name". */
    private static boolean isIndexed(String key, String prefix) {
        int at = prefix.length() + 1;
        return key.length() > at
                && key.startsWith(prefix)
                && key.charAt(prefix.length()) == '.'
                && key.charAt(at) >= '0'
                && key.charAt(at) <= '9';
    }
}
