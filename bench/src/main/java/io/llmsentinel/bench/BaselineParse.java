package io.llmsentinel.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The reference line's "parse": bytes to objects and nothing else (no validation, no mapping, no
 * output encoding). Emits a count rather than the parsed object, so the discard sink downstream
 * costs nothing and the line measures source + parse only.
 */
final class BaselineParse implements MapFunction<RawRecord, Integer> {
    private final SourceFormat format;

    BaselineParse(SourceFormat format) {
        this.format = format;
    }

    @Override
    public Integer map(RawRecord record) {
        return switch (format) {
            case JSON -> parseJson(record.value);
            case OTLP_PROTO -> parseProto(record.value);
            case OTLP_JSON -> throw new UnsupportedOperationException("no otlp-json baseline");
        };
    }

    private static int parseJson(byte[] value) {
        try {
            return Codecs.fromJson(value, LlmEvent.class) == null ? 0 : 1;
        } catch (RuntimeException e) {
            return 0; // the 1% hostile records: a failed parse is part of the work
        }
    }

    /** Number of spans, GenAI or not: walking them keeps the parse from being dead code. */
    private static int parseProto(byte[] value) {
        try {
            int spans = 0;
            for (ResourceSpans rs :
                    ExportTraceServiceRequest.parseFrom(value).getResourceSpansList()) {
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    spans += ss.getSpansCount();
                }
            }
            return spans;
        } catch (InvalidProtocolBufferException e) {
            return 0;
        }
    }
}
