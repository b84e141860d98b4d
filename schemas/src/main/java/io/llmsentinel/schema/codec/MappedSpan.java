package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.LlmEvent;

/**
 * What {@link OtlpSpanMapper} made of one span: an event (not yet validated), a rejection, or
 * neither when the span is not a GenAI span.
 */
public record MappedSpan(LlmEvent event, Rejection rejection) {
    /** The span carries none of the GenAI identifying attributes. */
    public static final MappedSpan NOT_GEN_AI = new MappedSpan(null, null);

    public static MappedSpan of(LlmEvent event) {
        return new MappedSpan(event, null);
    }

    public static MappedSpan rejected(Rejection rejection) {
        return new MappedSpan(null, rejection);
    }

    public boolean isGenAi() {
        return event != null || rejection != null;
    }
}
