package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.LlmEvent;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Adds hostile records to an encoder's output: after each event, with probability {@code rate}, one
 * broken record derived from it. The valid records are exactly those the wrapped encoder writes
 * without the injector (the injector draws from its own random stream).
 */
final class HostileRecordInjector implements RecordEncoder {
    private final RecordEncoder valid;
    private final HostileRecords hostile;
    private final double rate;
    private final SplittableRandom rng;

    HostileRecordInjector(
            RecordEncoder valid, HostileRecords hostile, double rate, SplittableRandom rng) {
        this.valid = valid;
        this.hostile = hostile;
        this.rate = rate;
        this.rng = rng;
    }

    @Override
    public void encode(LlmEvent event, Consumer<EncodedRecord> out) {
        valid.encode(event, out);
        if (rng.nextDouble() < rate) {
            out.accept(hostile.create(event, rng));
        }
    }

    @Override
    public void flush(Consumer<EncodedRecord> out) {
        valid.flush(out);
    }
}
