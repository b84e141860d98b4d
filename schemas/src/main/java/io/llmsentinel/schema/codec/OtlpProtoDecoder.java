package io.llmsentinel.schema.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.SourceFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/**
 * Decodes an OTLP {@code ExportTraceServiceRequest} protobuf, as the OpenTelemetry Collector's
 * Kafka exporter writes it with {@code encoding: otlp_proto}. Each GenAI span gives an event or a
 * rejection; other spans are counted as skipped.
 */
public final class OtlpProtoDecoder implements RecordDecoder {
    private final ValidationLimits limits;
    private final OtlpTraceProcessor processor;

    public OtlpProtoDecoder(ValidationLimits limits) {
        this(limits, ContentOptions.DEFAULTS);
    }

    public OtlpProtoDecoder(ValidationLimits limits, ContentOptions content) {
        this.limits = limits;
        this.processor =
                new OtlpTraceProcessor(
                        limits, content, SourceFormat.OTLP_PROTO, DlqReason.MALFORMED_PROTOBUF);
    }

    @Override
    public DecodeResult decode(byte[] payload, long referenceTime) {
        if (payload == null) {
            return reject("record has no value");
        }
        if (payload.length > limits.maxRecordBytes()) {
            return DecodeResult.rejected(Oversized.rejection(payload.length, limits));
        }
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return reject(e.getMessage());
        } catch (RuntimeException e) {
            return reject(e.toString());
        }
        return processor.process(request, referenceTime);
    }

    private static DecodeResult reject(String message) {
        return DecodeResult.rejected(
                Rejection.of(
                        DlqReason.MALFORMED_PROTOBUF,
                        null,
                        "not an OTLP ExportTraceServiceRequest: " + message));
    }
}
