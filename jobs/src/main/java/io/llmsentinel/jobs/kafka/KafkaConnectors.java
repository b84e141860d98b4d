package io.llmsentinel.jobs.kafka;

import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.jobs.ingest.RawRecordDeserializer;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka sources and sinks of every job, configured once: sources read {@code read_committed}
 * (upstream jobs write transactionally), sinks are exactly-once with a transactional-id prefix
 * unique per job and sink.
 */
public final class KafkaConnectors {
    private KafkaConnectors() {}

    public static KafkaSource<RawRecord> rawSource(IngestConfig config) {
        return rawSourceBuilder(config).build();
    }

    /**
     * The raw source ending at {@code stoppingOffsets} (e.g. the end offsets at start), for runs
     * that must finish by themselves: benchmarks and backfills.
     */
    public static KafkaSource<RawRecord> boundedRawSource(
            IngestConfig config, OffsetsInitializer stoppingOffsets) {
        return rawSourceBuilder(config).setBounded(stoppingOffsets).build();
    }

    private static KafkaSourceBuilder<RawRecord> rawSourceBuilder(IngestConfig config) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafka().bootstrapServers())
                .setTopics(new ArrayList<>(config.topicFormats().keySet()))
                .setGroupId(config.groupId())
                .setStartingOffsets(startingOffsets(config.startingOffsets()))
                .setDeserializer(new RawRecordDeserializer(config.topicFormats()))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("commit.offsets.on.checkpoint", "true");
    }

    /**
     * Canonical events from {@code llm.events} for a detector job, read {@code read_committed}
     * (only what ingest committed).
     */
    public static KafkaSource<LlmEvent> eventsSource(
            KafkaSettings kafka, String groupId, StartingOffsets startingOffsets) {
        return eventsSourceBuilder(kafka, groupId, startingOffsets).build();
    }

    /**
     * The events source ending at {@code stoppingOffsets} (e.g. the end offsets at start), for
     * detector runs that must finish by themselves: benchmarks and backfills.
     */
    public static KafkaSource<LlmEvent> boundedEventsSource(
            KafkaSettings kafka,
            String groupId,
            StartingOffsets startingOffsets,
            OffsetsInitializer stoppingOffsets) {
        return eventsSourceBuilder(kafka, groupId, startingOffsets)
                .setBounded(stoppingOffsets)
                .build();
    }

    private static KafkaSourceBuilder<LlmEvent> eventsSourceBuilder(
            KafkaSettings kafka, String groupId, StartingOffsets startingOffsets) {
        return KafkaSource.<LlmEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.eventsTopic())
                .setGroupId(groupId)
                .setStartingOffsets(startingOffsets(startingOffsets))
                .setDeserializer(new EventDeserializer())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("commit.offsets.on.checkpoint", "true");
    }

    /** The exactly-once anomaly sink every detector uses; records are keyed by episode. */
    public static KafkaSink<Anomaly> anomalySink(KafkaSettings kafka, String jobName) {
        return jsonSink(kafka, kafka.anomaliesTopic(), jobName + "-anomalies", a -> a.episodeId);
    }

    /** Where a fresh start begins; a restore takes its positions from the savepoint instead. */
    public static OffsetsInitializer startingOffsets(StartingOffsets mode) {
        return switch (mode) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED_OR_EARLIEST ->
                    OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }

    /**
     * An exactly-once sink writing each element as JSON, keyed by {@code key} (null keys spread
     * records over partitions).
     */
    public static <T> KafkaSink<T> jsonSink(
            KafkaSettings kafka,
            String topic,
            String sinkName,
            SerializableFunction<T, String> key) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(kafka.transactionalIdPrefix() + "-" + sinkName)
                .setProperty(
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        String.valueOf(kafka.transactionTimeout().toMillis()))
                .setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<T>builder()
                                .setTopic(topic)
                                .setKeySerializationSchema(new StringKeySchema<>(key))
                                .setValueSerializationSchema(new JsonValueSchema<T>())
                                .build())
                .build();
    }
}
