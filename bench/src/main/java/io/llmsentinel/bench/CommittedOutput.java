package io.llmsentinel.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads an output topic back {@code read_committed} after its job has finished: only what the
 * exactly-once sinks committed counts. Not timed.
 */
final class CommittedOutput {
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @param maxIngestTime the latest {@code ingest_time} seen (epoch ms), or -1 if not scanned
     */
    record Counts(long records, long maxIngestTime) {}

    private CommittedOutput() {}

    /**
     * @param scanIngestTime also find the latest {@code ingest_time}: when the last event left the
     *     decoder, which tells processing time apart from the wait for the final checkpoint
     */
    static Counts read(String bootstrap, String topic, boolean scanIngestTime) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed end offsets are the last stable offsets: with the job finished and
            // its transactions committed, that is everything the topic will ever hold
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            long maxIngestTime = -1;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (scanIngestTime) {
                        maxIngestTime = Math.max(maxIngestTime, ingestTime(r.value()));
                    }
                }
            }
            return new Counts(records, maxIngestTime);
        }
    }

    private static boolean reached(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The top-level {@code ingest_time} of a canonical event, by streaming: no full parse. */
    static long ingestTime(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("ingest_time".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    return p.getLongValue();
                }
                p.skipChildren();
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
