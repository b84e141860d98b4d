package io.llmsentinel.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.cost.CostAnomalies;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.kafka.KafkaTestSupport;
import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost job end to end against a real broker (read_committed events in, exactly-once anomalies
 * out, RocksDB, checkpoints), stopped with a savepoint in the middle of an agent loop and just
 * after a budget warning, then restored into a job built anew that reads the rest:
 *
 * <ul>
 *   <li>baselines survived: a spend runaway 10 minutes after the restore is detected, which needs
 *       an hour of baseline (no second warm-up);
 *   <li>budget state survived: the warning is not raised again, the critical threshold once;
 *   <li>episodes survived: the loop's episodes opened before the savepoint resolve after it, with
 *       the same episode ids, and no anomaly id appears twice.
 * </ul>
 *
 * Also reads the savepoint's keyed state and prints the state bytes per key of each rule.
 */
class CostSavepointIT {
    static final String TIMELINE = "agent_loop@80m+15m,spend_runaway@100m+15m";
    static final long MINUTE = 60_000;
    static final long SPLIT = 90 * MINUTE;

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    static EmbeddedKafka kafka;

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
    @Timeout(180)
    void restoresBaselinesBudgetsAndEpisodesFromASavepoint(@TempDir Path savepoints)
            throws Exception {
        SimulatedScenario scenario =
                new SimulatedScenario(7, 10, Duration.ofMinutes(130), TIMELINE).withoutContent();
        List<LlmEvent> events = scenario.events();
        TenantSpend spend = new TenantSpend(events);
        long split = scenario.startMs() + SPLIT;
        Incident loop = scenario.incident(IncidentType.AGENT_LOOP);
        Incident runaway = scenario.incident(IncidentType.SPEND_RUNAWAY);
        String tenant = runaway.tenantId();
        // 80% of the daily budget is reached before the split, 100% during the runaway after it
        double budget = 1.25 * spend.until(tenant, split - 2 * MINUTE);
        long criticalAt = spend.crossing(tenant, budget);
        assertThat(spend.crossing(tenant, 0.8 * budget)).isLessThan(split);
        assertThat(criticalAt).isBetween(runaway.startMs(), runaway.endMs());

        Map<String, String> topicConfig = Map.of("retention.ms", "-1");
        kafka.createTopic("sp.events", 2, topicConfig);
        kafka.createTopic("sp.anomalies", 2, topicConfig);
        Map<String, String> settings = CostTestConfigs.settings(tenant + ":daily:" + budget);
        settings.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("kafka.topic.events", "sp.events");
        settings.put("kafka.topic.anomalies", "sp.anomalies");
        settings.put("kafka.transactional-id-prefix", "sp-it");
        settings.put("kafka.transaction-timeout", "60 s");
        settings.put("cost.starting-offsets", "earliest");
        settings.put("job.checkpoint-interval", "500 ms");
        CostConfig config = CostTestConfigs.config(settings);

        try (AnomalyWatcher watcher = new AnomalyWatcher("sp.anomalies")) {
            // phase 1: up to the split, inside the agent loop
            produce(events, e -> e.eventTime < split);
            JobClient first = start(config, null);
            watcher.await(
                    "loop runaway and budget warning",
                    opened(CostAnomalies.RUNAWAY_SESSION, loop.sessionId()),
                    budgetLevel("warning"));
            String savepoint =
                    first.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get(60, TimeUnit.SECONDS);
            int beforeRestore = watcher.all.size();

            List<KeyedStateSizes.Summary> sizes = KeyedStateSizes.read(savepoint);
            System.out.println("cost state per key in the savepoint at +90 min:");
            sizes.forEach(s -> System.out.println("  " + s));

            // phase 2: the rest, into the job built anew from the savepoint
            produce(events, e -> e.eventTime >= split && e.eventTime < scenario.endMs());
            JobClient second = start(config, savepoint);
            watcher.await(
                    "tenant spend spike, budget critical, loop resolved",
                    a ->
                            a.anomalyType.equals(CostAnomalies.SPEND_SPIKE)
                                    && tenant.equals(a.tenantId)
                                    && a.userId == null
                                    && a.status.equals(Anomaly.STATUS_OPEN),
                    budgetLevel("critical"),
                    a ->
                            a.anomalyType.equals(CostAnomalies.RUNAWAY_SESSION)
                                    && a.status.equals(Anomaly.STATUS_RESOLVED));
            second.cancel().get(60, TimeUnit.SECONDS);
            watcher.drain();

            List<Anomaly> all = watcher.all;
            System.out.printf(
                    "cost savepoint IT: %d anomaly records before the savepoint, %d after%n",
                    beforeRestore, all.size() - beforeRestore);
            all.forEach(
                    a ->
                            System.out.printf(
                                    "  %-8s %+6.1f min %-18s %s%n",
                                    a.status,
                                    (a.detectedAt - scenario.startMs()) / 60_000.0,
                                    a.anomalyType,
                                    a.summary));
            assertThat(all).extracting(a -> a.anomalyId).doesNotHaveDuplicates();

            List<Anomaly> warnings = all.stream().filter(budgetLevel("warning")).toList();
            assertThat(warnings)
                    .singleElement()
                    .satisfies(a -> assertThat(a.detectedAt).isLessThan(split));
            List<Anomaly> criticals = all.stream().filter(budgetLevel("critical")).toList();
            // Kafka partitions are read at different speeds: the crossing call may come from the
            // partition that is ahead, so allow minutes rather than seconds
            Anomaly critical = criticals.get(0);
            assertThat(criticals).hasSize(1);
            System.out.printf(
                    "cost savepoint IT: budget critical at %+.0f s of the data's crossing%n",
                    (critical.detectedAt - criticalAt) / 1000.0);
            assertThat(critical.detectedAt).isGreaterThan(split);
            assertThat(critical.detectedAt).isCloseTo(criticalAt, Offset.offset(5 * MINUTE));

            Anomaly spike =
                    all.stream()
                            .filter(a -> a.anomalyType.equals(CostAnomalies.SPEND_SPIKE))
                            .filter(a -> tenant.equals(a.tenantId) && a.userId == null)
                            .findFirst()
                            .orElseThrow();
            assertThat(spike.detectedAt).isGreaterThan(split);
            // the baseline holds the windows of phase 1, not just the 1-2 windows since restore
            assertThat(Long.parseLong(spike.evidence.get("baseline_windows"))).isGreaterThan(9);

            for (String type :
                    List.of(CostAnomalies.RUNAWAY_SESSION, CostAnomalies.INPUT_TOKEN_BLOAT)) {
                List<Anomaly> episode =
                        all.stream()
                                .filter(a -> a.anomalyType.equals(type))
                                .filter(a -> loop.sessionId().equals(a.sessionId))
                                .toList();
                assertThat(episode).extracting(a -> a.status).containsExactly("open", "resolved");
                assertThat(episode.get(0).detectedAt).isLessThan(split);
                assertThat(episode.get(1).detectedAt).isGreaterThan(split);
                assertThat(episode.get(1).episodeId).isEqualTo(episode.get(0).episodeId);
            }
            Map<String, KeyedStateSizes.Summary> byOperator = KeyedStateSizes.byOperator(sizes);
            assertThat(byOperator.get("cost-spend-tenant").keys()).isPositive();
            // the idle-cleanup timer, plus one per event time of calls still waiting for the
            // watermark (sessions apply their calls in event-time order)
            assertThat(byOperator.get("cost-session").timers()).isBetween(1.0, 2.0);
        }
    }

    static Predicate<Anomaly> opened(String type, String sessionId) {
        return a ->
                a.anomalyType.equals(type)
                        && sessionId.equals(a.sessionId)
                        && a.status.equals(Anomaly.STATUS_OPEN);
    }

    static Predicate<Anomaly> budgetLevel(String level) {
        return a ->
                a.anomalyType.equals(CostAnomalies.BUDGET_THRESHOLD)
                        && a.status.equals(Anomaly.STATUS_OPEN)
                        && level.equals(a.evidence.get("level"));
    }

    static JobClient start(CostConfig config, String savepoint) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        CostJob.buildWithKafka(env, config);
        return env.executeAsync(savepoint == null ? "cost before savepoint" : "cost restored");
    }

    static void produce(List<LlmEvent> events, Predicate<LlmEvent> which) {
        List<byte[]> records = new ArrayList<>();
        events.stream().filter(which).forEach(e -> records.add(Codecs.toJsonBytes(e)));
        KafkaTestSupport.produce(kafka.bootstrapServers(), "sp.events", records);
    }

    /** Reads the anomaly topic read_committed, as a downstream consumer would. */
    static final class AnomalyWatcher implements AutoCloseable {
        final List<Anomaly> all = new ArrayList<>();
        private final KafkaConsumer<byte[], byte[]> consumer;

        AnomalyWatcher(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "sp-reader-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(topic));
        }

        @SafeVarargs
        final void await(String what, Predicate<Anomaly>... conditions) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                poll();
                boolean met = true;
                for (Predicate<Anomaly> c : conditions) {
                    met &= all.stream().anyMatch(c);
                }
                if (met) {
                    return;
                }
            }
            throw new AssertionError("timed out waiting for " + what + "; got " + all);
        }

        /** Reads until nothing new arrives for two seconds. */
        void drain() {
            int quiet = 0;
            while (quiet < 4) {
                quiet = poll() == 0 ? quiet + 1 : 0;
            }
        }

        private int poll() {
            var batch = consumer.poll(Duration.ofMillis(500));
            batch.forEach(r -> all.add(Codecs.fromJson(r.value(), Anomaly.class)));
            return batch.count();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
