package io.llmsentinel.simulator.sink;

import io.llmsentinel.schema.SourceFormat;

/**
 * How records are delimited in a file. JSON formats: one record per line (JSON never contains a raw
 * line break, and the simulator's garbage records avoid them). OTLP protobuf: each record preceded
 * by its length as a base-128 varint, the framing of protobuf's {@code
 * MessageLite.writeDelimitedTo} / {@code parseDelimitedFrom}.
 */
public enum RecordFraming {
    LINES,
    VARINT_LENGTH_PREFIXED;

    public static RecordFraming of(SourceFormat format) {
        return format == SourceFormat.OTLP_PROTO ? VARINT_LENGTH_PREFIXED : LINES;
    }
}
