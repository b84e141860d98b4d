package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * The span path both OTLP decoders share once they hold an {@link ExportTraceServiceRequest}: map
 * each span, validate each GenAI event, count the rest as skipped by reason.
 */
final class OtlpTraceProcessor {
    private final OtlpSpanMapper mapper;
    private final EventValidator validator;
    private final String sourceFormat;
    private final DlqReason malformed;

    /**
     * @param malformed the reason used if mapping a span fails unexpectedly; decode() must never
     *     throw, so such a failure costs one span, not the job
     */
    OtlpTraceProcessor(
            ValidationLimits limits,
            ContentOptions content,
            SourceFormat format,
            DlqReason malformed) {
        this.mapper = new OtlpSpanMapper(limits, content);
        this.validator = new EventValidator(limits);
        this.sourceFormat = format.wireName();
        this.malformed = malformed;
    }

    DecodeResult process(ExportTraceServiceRequest request, long referenceTime) {
        DecodeResult out = new DecodeResult();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            OtlpSpanMapper.ResourceInfo resource = mapper.resource(rs.getResource());
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (int i = 0, n = ss.getSpansCount(); i < n; i++) {
                    processSpan(ss.getSpans(i), resource, referenceTime, out);
                }
            }
        }
        return out;
    }

    private void processSpan(
            Span span, OtlpSpanMapper.ResourceInfo resource, long referenceTime, DecodeResult out) {
        MappedSpan mapped;
        try {
            mapped = mapper.map(span, resource);
        } catch (RuntimeException e) {
            out.addRejection(Rejection.of(malformed, null, label(span) + "cannot map span: " + e));
            return;
        }
        if (!mapped.isGenAi()) {
            out.addSkippedSpan(mapped.skipReason());
            return;
        }
        Rejection rejection = mapped.rejection();
        if (rejection == null) {
            LlmEvent event = mapped.event();
            event.sourceFormat = sourceFormat;
            rejection = validator.validate(event, referenceTime);
            if (rejection == null) {
                out.addEvent(event);
                return;
            }
        }
        // One record may hold many spans: say which one was rejected.
        out.addRejection(
                Rejection.of(
                        rejection.reason(), rejection.field(), label(span) + rejection.message()));
    }

    private static String label(Span span) {
        return "span "
                + HexIds.toHex(span.getTraceId())
                + "/"
                + HexIds.toHex(span.getSpanId())
                + ": ";
    }
}
