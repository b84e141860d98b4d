package io.llmsentinel.simulator.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.kafka.testing.EmbeddedKafkaExtension;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.RunSummary;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writes a simulated run to a real (in-process) Kafka broker and reads it back. */
class KafkaRecordSinkIT {
    private static final String TOPIC = "llm.raw.otlp";

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    @Timeout(120)
    void everyRecordArrivesWithKeyTimestampAndHostileMarker() throws Exception {
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(4)
                        .ratePerSecond(50)
                        .duration(Duration.ofMinutes(1))
                        .format(SourceFormat.OTLP_PROTO)
                        .badRecordRate(0.02)
                        .build();
        SimulatorRunner runner = new SimulatorRunner(PricingTable.loadDefault(), Clock.systemUTC());
        InMemoryRecordSink expected = new InMemoryRecordSink();
        runner.run(config, expected, null);

        KAFKA.createTopics(3, TOPIC);
        RunSummary summary;
        try (KafkaRecordSink sink = new KafkaRecordSink(KAFKA.bootstrapServers(), TOPIC)) {
            summary = runner.run(config, sink, null);
        }
        // the sink has flushed: the topic holds all it will, read up to its end offsets
        List<ConsumerRecord<byte[], byte[]>> received = KAFKA.committedRecords(TOPIC);

        assertThat(received).hasSize(expected.records().size());
        assertThat(summary.records()).isEqualTo(expected.records().size());
        int hostile = 0;
        for (ConsumerRecord<byte[], byte[]> r : received) {
            assertThat(r.key()).isNotNull();
            if (r.headers().lastHeader(KafkaRecordSink.HOSTILE_HEADER) != null) {
                hostile++;
            } else {
                ExportTraceServiceRequest.parseFrom(r.value());
            }
        }
        assertThat(hostile).isEqualTo(summary.badRecords()).isPositive();
        // timestamps are event times, and each key's records arrive in the order written
        List<Long> expectedTimes = new ArrayList<>();
        expected.records().forEach((EncodedRecord e) -> expectedTimes.add(e.timestampMs()));
        assertThat(received.stream().map(ConsumerRecord::timestamp).sorted().toList())
                .isEqualTo(expectedTimes.stream().sorted().toList());
        Map<ByteBuffer, List<ByteBuffer>> expectedByKey = new HashMap<>();
        expected.records().forEach(e -> inKeyOrder(expectedByKey, e.key(), e.value()));
        Map<ByteBuffer, List<ByteBuffer>> receivedByKey = new HashMap<>();
        received.forEach(r -> inKeyOrder(receivedByKey, r.key(), r.value()));
        assertThat(receivedByKey).isEqualTo(expectedByKey);
    }

    /** Values per key in arrival order: a key's records share a partition, so keep their order. */
    private static void inKeyOrder(
            Map<ByteBuffer, List<ByteBuffer>> byKey, byte[] key, byte[] value) {
        byKey.computeIfAbsent(ByteBuffer.wrap(key), k -> new ArrayList<>())
                .add(ByteBuffer.wrap(value));
    }
}
