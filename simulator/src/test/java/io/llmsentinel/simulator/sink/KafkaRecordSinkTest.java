package io.llmsentinel.simulator.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.RunSummary;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Writes a simulated run to a real (in-process) Kafka broker and reads it back. */
class KafkaRecordSinkTest {
    private static final String TOPIC = "llm.raw.otlp";

    @Test
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

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic(TOPIC, 3, Map.of());
            RunSummary summary;
            try (KafkaRecordSink sink = new KafkaRecordSink(kafka.bootstrapServers(), TOPIC)) {
                summary = runner.run(config, sink, null);
            }
            List<ConsumerRecord<byte[], byte[]>> received =
                    consumeAll(kafka.bootstrapServers(), (int) summary.records());

            assertThat(received).hasSize(expected.records().size());
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
            // per-key order is kept, and timestamps are event times
            List<Long> expectedTimes = new ArrayList<>();
            expected.records().forEach((EncodedRecord e) -> expectedTimes.add(e.timestampMs()));
            assertThat(received.stream().map(ConsumerRecord::timestamp).sorted().toList())
                    .isEqualTo(expectedTimes.stream().sorted().toList());
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> consumeAll(String bootstrap, int expected) {
        Map<String, Object> props =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "simulator-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }
}
