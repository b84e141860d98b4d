package io.llmsentinel.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.FailAfterCheckpoint;
import io.llmsentinel.jobs.InjectedFailures;
import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.ThrottledSource;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.kafka.BrokerJobSettings;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.kafka.testing.EmbeddedKafkaExtension;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.LlmEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ingest job against a real broker, with RocksDB and exactly-once checkpoints, failing twice
 * mid-stream: read_committed consumers must see every valid input exactly once in llm.events and
 * every invalid one exactly once in the DLQ.
 *
 * <p>Deterministic by construction: the Kafka source lets {@link #RECORDS_PER_CHECKPOINT} records
 * through per completed checkpoint, so the input spans many checkpoints on any machine, and each
 * failure is injected right after a checkpoint has completed and a record has passed since it. The
 * input is bounded (the end offsets at start), so the job finishes by itself after its final
 * checkpoint, and the topics are then read to their end offsets.
 */
class IngestExactlyOnceIT {
    static final int VALID = 3000;
    static final int INVALID = 300;
    static final int FAILURES = 2;

    /** Both readers together; about ten checkpoints per attempt for the 3,300 records. */
    static final int RECORDS_PER_CHECKPOINT = 400;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster(restarts());

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    /** Explicit: this test is about restarts, which the test clusters otherwise turn off. */
    static Configuration restarts() {
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAILURES + 1);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return c;
    }

    @Test
    @Timeout(300)
    void everyRecordLandsExactlyOnceDespiteTwoFailures() throws Exception {
        KAFKA.createTopics(2, "eo.raw.json", "eo.events", "eo.dlq");

        long now = System.currentTimeMillis();
        List<byte[]> input = new ArrayList<>();
        List<String> validIds = new ArrayList<>();
        for (int i = 0; i < VALID + INVALID; i++) {
            boolean invalid = i % 11 == 0 && i / 11 < INVALID;
            String json =
                    invalid
                            ? "{\"event_id\":\"bad-" + i + "\",\"event_time\":" // truncated
                            : IngestTestRecords.validJson("eo-" + i, now - i);
            if (!invalid) {
                validIds.add("eo-" + i);
            }
            input.add(json.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(validIds).hasSize(VALID);
        KAFKA.produce("eo.raw.json", input);
        // where each invalid record landed: its dead letter must point there, once
        List<Long> invalidPositions =
                KAFKA.committedRecords("eo.raw.json").stream()
                        .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("bad-"))
                        .map(r -> position(r.partition(), r.offset()))
                        .toList();
        assertThat(invalidPositions).hasSize(INVALID);

        IngestConfig config = config();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.apply(env, config.job());
        try (InjectedFailures failures = InjectedFailures.plan(FAILURES)) {
            DataStream<RawRecord> raw =
                    env.fromSource(
                                    ThrottledSource.perCheckpoint(
                                            KafkaConnectors.boundedRawSource(
                                                    config, OffsetsInitializer.latest()),
                                            RECORDS_PER_CHECKPOINT),
                                    WatermarkStrategy.noWatermarks(),
                                    "Kafka raw telemetry, throttled")
                            .uid("ingest-kafka-source")
                            .name("Kafka raw telemetry, throttled")
                            .map(new FailAfterCheckpoint<>(failures))
                            .uid("test-failure-injection")
                            .name("Inject failures");
            IngestJob.JOB.sinkToKafka(IngestJob.build(raw, config), config);
            // bounded: returns once the job has finished, its last transactions committed
            env.execute("ingest exactly-once IT");

            assertThat(failures.injected()).isEqualTo(FAILURES);
            assertThat(failures.attempts())
                    .as("the failing task ran once more after each failure")
                    .containsExactly(0, 1, 2);
        }

        List<String> ids =
                KAFKA.committedRecords("eo.events").stream()
                        .map(r -> Codecs.fromJson(r.value(), LlmEvent.class).eventId)
                        .toList();
        assertThat(ids).hasSize(VALID).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(validIds);
        List<Long> deadLetterPositions =
                KAFKA.committedRecords("eo.dlq").stream()
                        .map(r -> Codecs.fromJson(r.value(), DeadLetter.class))
                        .map(d -> position(d.sourcePartition, d.sourceOffset))
                        .toList();
        assertThat(deadLetterPositions).hasSize(INVALID).doesNotHaveDuplicates();
        assertThat(deadLetterPositions).containsExactlyInAnyOrderElementsOf(invalidPositions);
        System.out.printf(
                "exactly-once IT: %d events, %d dead letters, %d injected failures%n",
                ids.size(), deadLetterPositions.size(), FAILURES);
    }

    static IngestConfig config() {
        Map<String, String> settings =
                BrokerJobSettings.of(KAFKA.bootstrapServers(), "eo-it", Duration.ofMillis(300));
        settings.put("kafka.topic.events", "eo.events");
        settings.put("kafka.topic.dlq", "eo.dlq");
        settings.put("ingest.topics.json", "eo.raw.json");
        settings.put("ingest.topics.otlp-proto", "");
        settings.put("ingest.topics.otlp-json", "");
        settings.put("ingest.starting-offsets", "earliest");
        return IngestConfig.from(JobConfig.fromMap(settings, IngestOptions.class));
    }

    /** A record's place in a topic of at most ten partitions, as one number. */
    static long position(int partition, long offset) {
        return offset * 10 + partition;
    }
}
