package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.LlmEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * OTLP trace requests, as the Collector's Kafka exporter writes them: protobuf bytes ({@code
 * otlp_proto}) or OTLP/JSON ({@code otlp_json}), several calls per request.
 */
public final class OtlpRecordEncoder implements RecordEncoder {
    private final boolean json;
    private final OtlpRequestBatcher batcher;

    private OtlpRecordEncoder(boolean json, SplittableRandom rng) {
        this.json = json;
        this.batcher = new OtlpRequestBatcher(rng);
    }

    public static OtlpRecordEncoder protobuf(SplittableRandom rng) {
        return new OtlpRecordEncoder(false, rng);
    }

    public static OtlpRecordEncoder json(SplittableRandom rng) {
        return new OtlpRecordEncoder(true, rng);
    }

    @Override
    public void encode(LlmEvent event, Consumer<EncodedRecord> out) {
        batcher.add(event, b -> out.accept(toRecord(b)));
    }

    @Override
    public void flush(Consumer<EncodedRecord> out) {
        batcher.flush(b -> out.accept(toRecord(b)));
    }

    private EncodedRecord toRecord(OtlpRequestBatcher.Batch b) {
        return new EncodedRecord(
                RecordKeys.of(b.first()),
                serialize(b.request()),
                b.last().eventTime,
                b.events(),
                null);
    }

    byte[] serialize(ExportTraceServiceRequest request) {
        return json ? OtlpJsonWriter.write(request) : request.toByteArray();
    }
}
