package io.llmsentinel.simulator.sink;

import io.llmsentinel.simulator.encode.EncodedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces records to a Kafka topic with an idempotent, lz4-compressing producer. The record
 * timestamp is the event time it carries, so the ingest job's event-time range check (relative to
 * the record timestamp) accepts runs whose simulated clock starts in the past. Mind the topic's
 * retention: time-based retention also goes by these timestamps.
 *
 * <p>Hostile records carry a header {@value #HOSTILE_HEADER} naming what is wrong with them, for
 * people reading the topic; the ingest job does not look at it.
 *
 * <p>Send errors are asynchronous; the first one is rethrown by the next {@link #write}, {@link
 * #flush} or {@link #close}.
 */
public final class KafkaRecordSink implements RecordSink {
    public static final String HOSTILE_HEADER = "llm-sentinel.simulator.hostile";

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /**
     * @param overrides extra producer properties, applied last (e.g. security settings)
     */
    public KafkaRecordSink(String bootstrapServers, String topic, Map<String, Object> overrides) {
        this.topic = topic;
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "llm-sentinel-simulator");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.putAll(overrides);
        this.producer = new KafkaProducer<>(props);
    }

    public KafkaRecordSink(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, Map.of());
    }

    @Override
    public void write(EncodedRecord record) {
        rethrowFailure();
        RecordHeaders headers = new RecordHeaders();
        if (record.hostile()) {
            headers.add(HOSTILE_HEADER, record.hostileKind().getBytes(StandardCharsets.UTF_8));
        }
        producer.send(
                new ProducerRecord<>(
                        topic, null, record.timestampMs(), record.key(), record.value(), headers),
                (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
        rethrowFailure();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        rethrowFailure();
    }

    private void rethrowFailure() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }
}
