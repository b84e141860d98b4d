package io.llmsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.incident.Timeline;
import io.llmsentinel.simulator.sink.InMemoryRecordSink;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PacedRunTest {
    private final SimulatorRunner runner =
            new SimulatorRunner(PricingTable.loadDefault(), Clock.systemUTC());

    @Test
    void pacedRunEmitsInRealTimeStampedWithTheWallClock() {
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .paced(true)
                        .ratePerSecond(200)
                        .duration(Duration.ofMillis(1500))
                        .timeline(Timeline.none())
                        .build();
        InMemoryRecordSink sink = new InMemoryRecordSink();
        long before = System.currentTimeMillis();
        RunSummary s = runner.run(config, sink, null);
        long after = System.currentTimeMillis();

        assertThat(after - before).isGreaterThanOrEqualTo(1200);
        assertThat(s.startMs()).isBetween(before, after);
        assertThat(s.events()).isBetween(200L, 400L);
        for (EncodedRecord r : sink.records()) {
            LlmEvent e = Codecs.fromJson(r.value(), LlmEvent.class);
            assertThat(e.eventTime).isBetween(before, after);
        }
    }

    @Test
    void interruptingAPacedRunStopsItCleanly() throws Exception {
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .paced(true)
                        .ratePerSecond(50)
                        .duration(Duration.ofHours(1))
                        .build();
        InMemoryRecordSink sink = new InMemoryRecordSink();
        AtomicReference<RunSummary> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(runner.run(config, sink, null)));
        worker.start();
        Thread.sleep(700);
        worker.interrupt();
        worker.join(10_000);
        RunSummary s = result.get();
        assertThat(s).isNotNull();
        assertThat(s.interrupted()).isTrue();
        assertThat(s.events()).isPositive().isEqualTo(sink.records().size());
        assertThat(s.endMs() - s.startMs()).isLessThan(10_000);
    }
}
