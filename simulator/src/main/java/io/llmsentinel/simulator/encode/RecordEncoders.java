package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.SourceFormat;
import java.util.SplittableRandom;

/** The encoder for a format, optionally mixing in hostile records. */
public final class RecordEncoders {
    private RecordEncoders() {}

    /**
     * @param seed drives batching, deprecated attribute names and hostile records; independent of
     *     the traffic's own randomness
     * @param badRecordRate probability, per event, of an extra hostile record (0 for none)
     */
    public static RecordEncoder create(SourceFormat format, long seed, double badRecordRate) {
        SplittableRandom root = new SplittableRandom(seed ^ 0x456e636f64657273L);
        SplittableRandom encoding = root.split();
        SplittableRandom hostile = root.split();
        RecordEncoder valid =
                switch (format) {
                    case JSON -> new JsonRecordEncoder();
                    case OTLP_PROTO -> OtlpRecordEncoder.protobuf(encoding);
                    case OTLP_JSON -> OtlpRecordEncoder.json(encoding);
                };
        if (badRecordRate <= 0) {
            return valid;
        }
        HostileRecords broken =
                switch (format) {
                    case JSON -> new JsonHostileRecords();
                    case OTLP_PROTO -> new OtlpHostileRecords(false, hostile.split());
                    case OTLP_JSON -> new OtlpHostileRecords(true, hostile.split());
                };
        return new HostileRecordInjector(valid, broken, badRecordRate, hostile);
    }
}
