package io.llmsentinel.schema.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.SourceFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/**
 * Decodes an OTLP/JSON {@code ExportTraceServiceRequest} (the Collector's Kafka exporter with
 * {@code encoding: otlp_json}, or an OTLP/HTTP JSON body). The record is brought into proto3 JSON
 * form by {@link OtlpJsonIdRewriter} and parsed with protobuf's JsonFormat, so the JSON and
 * protobuf inputs share one mapping path from the protobuf classes on. Unknown fields are ignored,
 * as the OTLP spec asks of receivers.
 */
public final class OtlpJsonDecoder implements RecordDecoder {
    private final ValidationLimits limits;
    private final OtlpJsonIdRewriter rewriter;
    private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
    private final OtlpTraceProcessor processor;

    public OtlpJsonDecoder(ValidationLimits limits) {
        this(limits, ContentOptions.DEFAULTS);
    }

    public OtlpJsonDecoder(ValidationLimits limits, ContentOptions content) {
        this.limits = limits;
        this.rewriter = new OtlpJsonIdRewriter(limits);
        this.processor =
                new OtlpTraceProcessor(
                        limits, content, SourceFormat.OTLP_JSON, DlqReason.MALFORMED_OTLP_JSON);
    }

    @Override
    public DecodeResult decode(byte[] payload, long referenceTime) {
        if (payload == null) {
            return DecodeResult.rejected(
                    Rejection.of(DlqReason.MALFORMED_JSON, null, "record has no value"));
        }
        if (payload.length > limits.maxRecordBytes()) {
            return DecodeResult.rejected(Oversized.rejection(payload.length, limits));
        }
        if (!Utf8.isValid(payload)) {
            return DecodeResult.rejected(
                    Rejection.of(DlqReason.INVALID_UTF8, null, "record is not valid UTF-8"));
        }
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        try {
            parser.merge(rewriter.rewrite(payload), request);
        } catch (RejectionException e) {
            return DecodeResult.rejected(e.rejection);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return DecodeResult.rejected(
                    Rejection.of(
                            DlqReason.MALFORMED_OTLP_JSON,
                            null,
                            "not an OTLP/JSON ExportTraceServiceRequest: " + e.getMessage()));
        }
        return processor.process(request.build(), referenceTime);
    }
}
