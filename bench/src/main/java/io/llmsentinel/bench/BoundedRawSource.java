package io.llmsentinel.bench;

import io.llmsentinel.jobs.config.IngestConfig;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.jobs.ingest.RawRecordDeserializer;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import java.util.ArrayList;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * {@link KafkaConnectors#rawSource} made bounded: same deserializer and consumer settings, up to
 * the end offsets found when the job starts. The job's own builder has no stopping offsets,
 * and a benchmark needs a job that ends by itself to time it.
 */
final class BoundedRawSource {
    private BoundedRawSource() {}

    static KafkaSource<RawRecord> of(IngestConfig config) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafka().bootstrapServers())
                .setTopics(new ArrayList<>(config.topicFormats().keySet()))
                .setGroupId(config.groupId())
                .setStartingOffsets(KafkaConnectors.startingOffsets(config.startingOffsets()))
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new RawRecordDeserializer(config.topicFormats()))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                // kept for parity with rawSource; a bounded KafkaSource turns discovery off anyway
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("commit.offsets.on.checkpoint", "true")
                .build();
    }
}
