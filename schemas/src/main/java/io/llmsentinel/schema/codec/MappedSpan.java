package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.LlmEvent;

/**
 * What {@link OtlpSpanMapper} made of one span: an event (not yet validated) or a rejection, with
 * the convention it was read by; or neither, with the reason it was skipped.
 */
public record MappedSpan(
        LlmEvent event, Rejection rejection, SpanConvention convention, SkipReason skipReason) {
    /** The span carries none of the GenAI identifying attributes. */
    public static final MappedSpan NOT_GEN_AI = skipped(SkipReason.NOT_GEN_AI);

    public static MappedSpan of(LlmEvent event, SpanConvention convention) {
        return new MappedSpan(event, null, convention, null);
    }

    public static MappedSpan rejected(Rejection rejection, SpanConvention convention) {
        return new MappedSpan(null, rejection, convention, null);
    }

    public static MappedSpan skipped(SkipReason reason) {
        return new MappedSpan(null, null, null, reason);
    }

    /** Whether the span is a model call: it became an event or a rejection. */
    public boolean isGenAi() {
        return event != null || rejection != null;
    }
}
