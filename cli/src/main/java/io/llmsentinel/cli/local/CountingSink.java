package io.llmsentinel.cli.local;

import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.sink.RecordSink;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the simulator sent, for the status line (read from another thread). */
final class CountingSink implements RecordSink {
    private final RecordSink delegate;
    final AtomicLong records = new AtomicLong();

    CountingSink(RecordSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(EncodedRecord record) {
        delegate.write(record);
        records.incrementAndGet();
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
