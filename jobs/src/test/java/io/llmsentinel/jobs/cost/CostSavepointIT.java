package io.llmsentinel.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.cost.CostAnomalies;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.kafka.BrokerJobSettings;
import io.llmsentinel.jobs.kafka.CommittedAnomalies;
import io.llmsentinel.kafka.testing.EmbeddedKafkaExtension;
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
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.data.Offset;
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

    /** Deadline for each wait on committed output. */
    static final Duration AWAIT = Duration.ofSeconds(90);

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    @Timeout(180)
    void restoresBaselinesBudgetsAndEpisodesFromASavepoint(@TempDir Path savepoints)
            throws Exception {
        SimulatedScenario scenario =
                new SimulatedScenario(7, 10, Duration.ofMinutes(130), TIMELINE).withoutContent();
        List<LlmEvent> events = scenario.events();
        TenantSpend spend = new TenantSpend(scenario);
        long split = scenario.startMs() + SPLIT;
        Incident loop = scenario.incident(IncidentType.AGENT_LOOP);
        Incident runaway = scenario.incident(IncidentType.SPEND_RUNAWAY);
        String tenant = runaway.tenantId();
        // 80% of the daily budget is reached before the split, 100% during the runaway after it
        double budget = 1.25 * spend.until(tenant, split - 2 * MINUTE);
        long criticalAt = spend.crossing(tenant, budget);
        assertThat(spend.crossing(tenant, 0.8 * budget)).isLessThan(split);
        assertThat(criticalAt).isBetween(runaway.startMs(), runaway.endMs());

        KAFKA.createTopics(2, "sp.events", "sp.anomalies");
        Map<String, String> settings = CostTestConfigs.settings(tenant + ":daily:" + budget);
        settings.putAll(
                BrokerJobSettings.of(KAFKA.bootstrapServers(), "sp-it", Duration.ofMillis(500)));
        settings.put("kafka.topic.events", "sp.events");
        settings.put("kafka.topic.anomalies", "sp.anomalies");
        settings.put("cost.starting-offsets", "earliest");
        CostConfig config = CostTestConfigs.config(settings);

        try (CommittedAnomalies anomalies =
                new CommittedAnomalies(KAFKA.readCommitted("sp.anomalies"))) {
            // phase 1: up to the split, inside the agent loop
            produce(events, e -> e.eventTime < split);
            JobClient first = start(config, null);
            anomalies.await(
                    "loop runaway and budget warning",
                    AWAIT,
                    opened(CostAnomalies.RUNAWAY_SESSION, loop.sessionId()),
                    budgetLevel("warning"));
            String savepoint = TestClusters.stopWithSavepoint(first, savepoints);
            // stopped: its last transaction is committed, so this is all phase 1 wrote
            int beforeRestore = anomalies.readSettled(AWAIT).size();

            List<KeyedStateSizes.Summary> sizes = KeyedStateSizes.read(savepoint);
            System.out.println("cost state per key in the savepoint at +90 min:");
            sizes.forEach(s -> System.out.println("  " + s));

            // phase 2: the rest, into the job built anew from the savepoint
            produce(events, e -> e.eventTime >= split && e.eventTime < scenario.endMs());
            JobClient second = start(config, savepoint);
            anomalies.await(
                    "tenant spend spike, budget critical, loop resolved",
                    AWAIT,
                    a ->
                            a.anomalyType.equals(CostAnomalies.SPEND_SPIKE)
                                    && tenant.equals(a.tenantId)
                                    && a.userId == null
                                    && a.status.equals(Anomaly.STATUS_OPEN),
                    budgetLevel("critical"),
                    a ->
                            a.anomalyType.equals(CostAnomalies.RUNAWAY_SESSION)
                                    && a.status.equals(Anomaly.STATUS_RESOLVED));
            // stopped rather than cancelled: no transaction stays open, so the read below is the
            // complete output of both phases
            TestClusters.stopWithSavepoint(second, savepoints);
            List<Anomaly> all = anomalies.readSettled(AWAIT);
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
        CostJob.JOB.buildWithKafka(env, config);
        return env.executeAsync(savepoint == null ? "cost before savepoint" : "cost restored");
    }

    static void produce(List<LlmEvent> events, Predicate<LlmEvent> which) {
        List<byte[]> records = new ArrayList<>();
        events.stream().filter(which).forEach(e -> records.add(Codecs.toJsonBytes(e)));
        KAFKA.produce("sp.events", records);
    }
}
