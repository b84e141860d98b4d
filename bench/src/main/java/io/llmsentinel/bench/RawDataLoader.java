package io.llmsentinel.bench;

import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.encode.RecordEncoder;
import io.llmsentinel.simulator.encode.RecordEncoders;
import io.llmsentinel.simulator.incident.Timeline;
import io.llmsentinel.simulator.sink.KafkaRecordSink;
import io.llmsentinel.simulator.sink.RecordSink;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills a raw topic with exactly N simulated records. Drives the simulator's generator and encoder
 * directly rather than {@link SimulatorRunner#run}, which stops at a duration, not at a count.
 */
final class RawDataLoader {
    static final double BAD_RECORD_RATE = 0.01;

    /** Simulated calls per second: only spreads event times; generation is unpaced. */
    private static final double SIMULATED_RATE = 1000;

    /**
     * An OTLP request carries at most 6 calls, a JSON record one; 8 simulated calls per wanted
     * record leaves room for either, and the loop stops at N records anyway.
     */
    private static final int CALLS_PER_RECORD_BOUND = 8;

    /** Topic config of every bench topic. */
    static final Map<String, String> KEEP_FOREVER =
            // The simulated clock starts in 2025 and KafkaRecordSink (like KafkaSink downstream)
            // stamps records with event time: with the default 7-day retention, records would be
            // deleted as soon as a segment rolls, and the counts would silently come up short.
            Map.of("retention.ms", "-1");

    private RawDataLoader() {}

    static RawDataset load(EmbeddedKafka kafka, SourceFormat format, long records, long seed) {
        String topic = "bench.raw." + format.wireName();
        kafka.createTopic(topic, 2, KEEP_FOREVER);
        long seconds = records * CALLS_PER_RECORD_BOUND / (long) SIMULATED_RATE + 60;
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(seed)
                        .ratePerSecond(SIMULATED_RATE)
                        .duration(Duration.ofSeconds(seconds))
                        .format(format)
                        .badRecordRate(BAD_RECORD_RATE)
                        .timeline(Timeline.none())
                        .build();
        TrafficSimulator simulator = new SimulatorRunner().simulator(config);
        RecordEncoder encoder =
                RecordEncoders.create(format, config.seed(), config.badRecordRate());
        try (KafkaRecordSink sink = new KafkaRecordSink(kafka.bootstrapServers(), topic)) {
            CountingSink out = new CountingSink(sink, records);
            while (simulator.hasNext() && !out.full()) {
                encoder.encode(simulator.next().event(), out);
            }
            encoder.flush(out);
            sink.flush();
            if (!out.full()) {
                throw new IllegalStateException(
                        "the simulator ran out after " + out.records + " of " + records);
            }
            return new RawDataset(topic, format, out.records, out.events, out.bad, out.bytes);
        }
    }

    /** Writes records until the limit and counts what it wrote; the rest is dropped. */
    private static final class CountingSink implements Consumer<EncodedRecord> {
        private final RecordSink sink;
        private final long limit;
        long records;
        long events;
        long bad;
        long bytes;

        CountingSink(RecordSink sink, long limit) {
            this.sink = sink;
            this.limit = limit;
        }

        boolean full() {
            return records >= limit;
        }

        @Override
        public void accept(EncodedRecord r) {
            if (full()) {
                return;
            }
            sink.write(r);
            records++;
            events += r.eventCount();
            bytes += r.value().length;
            if (r.hostile()) {
                bad++;
            }
        }
    }
}
