package io.llmsentinel.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.kafka.KafkaTestSupport;
import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.LlmEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ingest job against a real broker, with RocksDB and exactly-once checkpoints, failing twice
 * mid-stream: read_committed consumers must see every valid input exactly once in llm.events and
 * every invalid one exactly once in the DLQ.
 */
class IngestExactlyOnceIT {
    static final int VALID = 3000;
    static final int INVALID = 300;
    static final int FAILURES = 2;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster(restarts());

    static EmbeddedKafka kafka;

    static Configuration restarts() {
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAILURES + 1);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return c;
    }

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Timeout(300)
    void everyRecordLandsExactlyOnceDespiteTwoFailures() throws Exception {
        Map<String, String> topicConfig = Map.of("retention.ms", "-1");
        kafka.createTopic("eo.raw.json", 2, topicConfig);
        kafka.createTopic("eo.events", 2, topicConfig);
        kafka.createTopic("eo.dlq", 2, topicConfig);

        long now = System.currentTimeMillis();
        List<byte[]> input = new ArrayList<>();
        for (int i = 0; i < VALID + INVALID; i++) {
            String json =
                    i % 11 == 0 && i / 11 < INVALID
                            ? "{\"event_id\":\"bad-" + i + "\",\"event_time\":" // truncated
                            : IngestTestRecords.validJson("eo-" + i, now - i);
            input.add(json.getBytes(StandardCharsets.UTF_8));
        }
        long invalid = input.stream().filter(b -> new String(b).contains("bad-")).count();
        assertThat(invalid).isEqualTo(INVALID);
        KafkaTestSupport.produce(kafka.bootstrapServers(), "eo.raw.json", input);

        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("kafka.topic.events", "eo.events");
        settings.put("kafka.topic.dlq", "eo.dlq");
        settings.put("kafka.transactional-id-prefix", "eo-it");
        settings.put("kafka.transaction-timeout", "60 s");
        settings.put("ingest.topics.json", "eo.raw.json");
        settings.put("ingest.topics.otlp-proto", "");
        settings.put("ingest.topics.otlp-json", "");
        settings.put("ingest.starting-offsets", "earliest");
        settings.put("job.checkpoint-interval", "300 ms");
        settings.put("job.parallelism", "2");
        IngestConfig config = IngestConfig.from(JobConfig.fromMap(settings, IngestOptions.class));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.apply(env, config.job());
        FailingPassThrough.reset();
        DataStream<RawRecord> raw =
                IngestJob.JOB
                        .kafkaInput(env, config)
                        // an eighth of the input per failure: after the first restart from a
                        // late checkpoint, subtask 0 must still see enough records for the second
                        .map(new FailingPassThrough(VALID / 8))
                        .uid("test-failure-injection")
                        .name("Inject failures");
        IngestJob.JOB.sinkToKafka(IngestJob.build(raw, config), config);
        var job = env.executeAsync("ingest exactly-once IT");

        List<ConsumerRecord<byte[], byte[]>> events =
                KafkaTestSupport.readCommitted(
                        kafka.bootstrapServers(), "eo.events", VALID, Duration.ofSeconds(150));
        List<ConsumerRecord<byte[], byte[]>> dlq =
                KafkaTestSupport.readCommitted(
                        kafka.bootstrapServers(), "eo.dlq", INVALID, Duration.ofSeconds(60));
        job.cancel().get();

        assertThat(FailingPassThrough.FAILURES_DONE.get()).isEqualTo(FAILURES);
        List<String> ids =
                events.stream()
                        .map(r -> Codecs.fromJson(r.value(), LlmEvent.class).eventId)
                        .toList();
        assertThat(ids).hasSize(VALID).doesNotHaveDuplicates();
        List<Long> dlqOffsets =
                dlq.stream()
                        .map(r -> Codecs.fromJson(r.value(), DeadLetter.class))
                        .map(d -> d.sourceOffset * 10 + d.sourcePartition)
                        .toList();
        assertThat(dlqOffsets).hasSize(INVALID).doesNotHaveDuplicates();
        System.out.printf(
                "exactly-once IT: %d events, %d dead letters, %d injected failures%n",
                ids.size(), dlqOffsets.size(), FailingPassThrough.FAILURES_DONE.get());
    }

    /**
     * Throws once per attempt after a checkpoint has completed and some records have passed, until
     * {@link #FAILURES} failures have happened; then passes everything.
     */
    static final class FailingPassThrough extends RichMapFunction<RawRecord, RawRecord>
            implements CheckpointListener {
        static final AtomicInteger FAILURES_DONE = new AtomicInteger();
        private final int recordsBeforeFailure;
        private transient int seen;
        private transient boolean checkpointed;

        FailingPassThrough(int recordsBeforeFailure) {
            this.recordsBeforeFailure = recordsBeforeFailure;
        }

        static void reset() {
            FAILURES_DONE.set(0);
        }

        @Override
        public void open(OpenContext openContext) {
            seen = 0;
            checkpointed = false;
        }

        @Override
        public RawRecord map(RawRecord value) throws InterruptedException {
            seen++;
            if (FAILURES_DONE.get() < FAILURES) {
                // slow the first attempts so checkpoints complete before the input is exhausted
                Thread.sleep(1);
            }
            if (checkpointed
                    && seen >= recordsBeforeFailure
                    && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                    && FAILURES_DONE.get() < FAILURES) {
                FAILURES_DONE.incrementAndGet();
                throw new IllegalStateException("injected failure " + FAILURES_DONE.get());
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}
