package io.llmsentinel.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.incident.Timeline;
import io.llmsentinel.simulator.sink.InMemoryRecordSink;
import io.llmsentinel.simulator.sink.RecordSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paced runs on a manual clock: the pacer moves the clock to each event's due time instead of
 * sleeping, so what a paced run emits, and when, is checked exactly and takes no wall-clock time.
 */
class PacedRunTest {
    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(START);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // a stopped run leaves the flag set, as it should
    }

    static SimulatorConfig.Builder paced(double rate, Duration duration) {
        return SimulatorConfig.builder().paced(true).ratePerSecond(rate).duration(duration);
    }

    @Test
    void pacedRunEmitsEachEventWhenItIsDueStampedWithTheClock() {
        List<Long> writtenAt = new ArrayList<>();
        InMemoryRecordSink sink = new InMemoryRecordSink();
        SimulatorRunner runner = new SimulatorRunner(Runs.PRICING, clock, clock::advanceTo);
        SimulatorConfig config =
                paced(200, Duration.ofMillis(1500)).timeline(Timeline.none()).build();

        RunSummary s = runner.run(config, timed(sink, writtenAt), null);

        long start = START.toEpochMilli();
        assertThat(s.startMs()).isEqualTo(start);
        assertThat(s.endMs()).isEqualTo(start + 1500);
        assertThat(s.interrupted()).isFalse();
        assertThat(s.events()).isBetween(200L, 400L).isEqualTo(sink.records().size());
        List<Long> eventTimes = new ArrayList<>();
        for (EncodedRecord r : sink.records()) {
            LlmEvent e = Codecs.fromJson(r.value(), LlmEvent.class);
            assertThat(e.eventTime).isBetween(start, start + 1500);
            eventTimes.add(e.eventTime);
        }
        // each event went out the moment the clock reached its time: not before, not later
        assertThat(writtenAt).isEqualTo(eventTimes);
        assertThat(clock.millis())
                .as("the run waited through its traffic")
                .isGreaterThan(start + 1200);

        // pacing only delays: the same events as an unpaced run from the same start
        InMemoryRecordSink unpaced =
                Runs.records(
                        SimulatorConfig.builder()
                                .ratePerSecond(200)
                                .duration(Duration.ofMillis(1500))
                                .timeline(Timeline.none())
                                .startTime(START)
                                .build());
        assertThat(values(sink)).containsExactlyElementsOf(values(unpaced));
    }

    @Test
    void interruptingAPacedRunStopsItCleanly() {
        int allowedWaits = 40;
        InMemoryRecordSink sink = new InMemoryRecordSink();
        List<Long> awaited = new ArrayList<>();
        Pacer interruptedAfterSomeWaits =
                t -> {
                    if (awaited.size() == allowedWaits) {
                        throw new InterruptedException("stop");
                    }
                    awaited.add(t);
                    clock.advanceTo(t);
                };
        SimulatorRunner runner =
                new SimulatorRunner(Runs.PRICING, clock, interruptedAfterSomeWaits);

        RunSummary s = runner.run(paced(50, Duration.ofHours(1)).build(), sink, null);

        assertThat(s.interrupted()).isTrue();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the interrupt stays visible to the caller")
                .isTrue();
        assertThat(s.events()).isEqualTo(allowedWaits).isEqualTo(sink.records().size());
        assertThat(s.endMs()).isEqualTo(awaited.get(allowedWaits - 1));
        assertThat(s.endMs() - s.startMs()).isLessThan(Duration.ofHours(1).toMillis());
    }

    /** Records the clock's time at each write. */
    private RecordSink timed(InMemoryRecordSink sink, List<Long> writtenAt) {
        return new RecordSink() {
            @Override
            public void write(EncodedRecord record) {
                writtenAt.add(clock.millis());
                sink.write(record);
            }

            @Override
            public void flush() {
                sink.flush();
            }

            @Override
            public void close() {
                sink.close();
            }
        };
    }

    private static List<String> values(InMemoryRecordSink sink) {
        return sink.records().stream().map(r -> new String(r.value(), UTF_8)).toList();
    }
}
