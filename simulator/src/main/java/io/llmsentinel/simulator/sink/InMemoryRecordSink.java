package io.llmsentinel.simulator.sink;

import io.llmsentinel.simulator.encode.EncodedRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps records in a list: for tests and for callers that feed records on themselves. */
public final class InMemoryRecordSink implements RecordSink {
    private final List<EncodedRecord> records = new ArrayList<>();

    @Override
    public void write(EncodedRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    public List<EncodedRecord> records() {
        return Collections.unmodifiableList(records);
    }
}
