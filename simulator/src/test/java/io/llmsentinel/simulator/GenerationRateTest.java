package io.llmsentinel.simulator;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.sink.RecordSink;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast the simulator generates and encodes events on this machine (unpaced, one thread).
 * No assertion: timing on shared CI machines is too noisy to gate on. The report lands in
 * target/surefire-reports/*-output.txt.
 */
class GenerationRateTest {
    @Test
    void printGenerationRatePerFormat() {
        for (SourceFormat format : SourceFormat.values()) {
            SimulatorConfig config =
                    SimulatorConfig.builder()
                            .seed(1)
                            .ratePerSecond(1000)
                            .duration(Duration.ofMinutes(3))
                            .format(format)
                            .build();
            // warm-up: let the JIT compile the hot paths before measuring
            Runs.RUNNER.run(
                    SimulatorConfig.builder()
                            .ratePerSecond(1000)
                            .duration(Duration.ofMinutes(1))
                            .format(format)
                            .build(),
                    new DiscardingSink(),
                    null);
            DiscardingSink sink = new DiscardingSink();
            long start = System.nanoTime();
            RunSummary s = Runs.RUNNER.run(config, sink, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "simulator %-10s %,d events in %.2f s = %,.0f events/s (%,d bytes/event)%n",
                    format.wireName(),
                    s.events(),
                    seconds,
                    s.events() / seconds,
                    sink.bytes / s.events());
        }
    }

    private static final class DiscardingSink implements RecordSink {
        long bytes;

        @Override
        public void write(EncodedRecord record) {
            bytes += record.value().length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
