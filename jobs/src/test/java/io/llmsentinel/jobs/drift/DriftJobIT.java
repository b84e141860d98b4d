package io.llmsentinel.jobs.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.simulator.scoring.Scorecard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The drift job on a MiniCluster (parallelism 2, RocksDB) with its default windows (15 min against
 * the previous hour, 5-min slices): the simulator's output-length shift and silent model swap are
 * detected, and a quiet simulated day yields at most one drift episode per key.
 */
class DriftJobIT {
    static final long GRACE_MS = Duration.ofMinutes(20).toMillis();

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    static DriftConfig config() {
        return DriftConfig.from(
                JobConfig.fromMap(Map.of("job.parallelism", "2"), DriftOptions.class));
    }

    static List<Anomaly> run(SimulatedScenario scenario, String name) throws Exception {
        DriftConfig config = config();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.applyBounded(env, TestClusters.jobSettings());
        List<Anomaly> anomalies = new ArrayList<>();
        long t0 = System.nanoTime();
        try (CloseableIterator<Anomaly> it =
                DriftJob.build(scenario.source(env, config.watermarks()), config)
                        .executeAndCollect(name)) {
            it.forEachRemaining(anomalies::add);
        }
        System.out.printf(
                "%s: %s simulated in %.1f s, %d anomaly records%n",
                name, scenario.duration(), (System.nanoTime() - t0) / 1e9, anomalies.size());
        for (Anomaly a : anomalies) {
            String json = Codecs.toJsonString(a);
            assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, json)).as(json).isEmpty();
        }
        assertThat(anomalies).extracting(a -> a.anomalyId).doesNotHaveDuplicates();
        anomalies.stream()
                .filter(a -> a.status.equals(Anomaly.STATUS_OPEN))
                .forEach(a -> System.out.printf("  open %-18s %s%n", a.anomalyType, a.summary));
        return anomalies;
    }

    @Test
    @Timeout(300)
    void detectsTheOutputLengthShiftAndTheSilentModelSwap() throws Exception {
        SimulatedScenario scenario =
                new SimulatedScenario(
                        11,
                        10,
                        Duration.ofMinutes(270),
                        "output_length_shift@100m+40m,model_swap@190m+40m");
        List<Anomaly> anomalies = run(scenario, "drift IT");
        Scorecard card = Scorecard.score(scenario.incidents(), anomalies, GRACE_MS);
        System.out.print(card.render());
        assertThat(card.results())
                .allSatisfy(r -> assertThat(r.detected()).as(r.incident().toString()).isTrue());
        List<Anomaly> outside =
                anomalies.stream()
                        .filter(a -> a.status.equals(Anomaly.STATUS_OPEN))
                        .filter(a -> !scenario.duringIncident(a.detectedAt, GRACE_MS))
                        .toList();
        assertThat(outside).as("drift opened outside the scripted incidents").isEmpty();
    }

    @Test
    @Timeout(600)
    void aQuietSimulatedDayHasAtMostOneDriftEpisodePerKey() throws Exception {
        SimulatedScenario scenario = new SimulatedScenario(12, 8, Duration.ofHours(24), "");
        List<Anomaly> anomalies = run(scenario, "drift quiet day");
        Map<String, Long> episodesPerKey =
                anomalies.stream()
                        .filter(a -> a.status.equals(Anomaly.STATUS_OPEN))
                        .collect(
                                Collectors.groupingBy(
                                        a ->
                                                a.serviceName
                                                        + "/"
                                                        + a.model
                                                        + "/"
                                                        + a.evidence.get("feature"),
                                        TreeMap::new,
                                        Collectors.counting()));
        Map<String, Long> eventsPerKey = eventsPerKey(scenario);
        long windows = scenario.duration().toMinutes() / 15;
        long testedKeys =
                eventsPerKey.values().stream()
                        .filter(n -> n / windows >= config().detector().minSamples())
                        .count();
        long episodes = episodesPerKey.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                "drift quiet day: %d episodes over %d keys (%d with at least %d calls per"
                        + " 15 min on average), %.3f episodes per key-day; per key+feature: %s%n",
                episodes,
                eventsPerKey.size(),
                testedKeys,
                config().detector().minSamples(),
                (double) episodes / eventsPerKey.size(),
                episodesPerKey);
        assertThat(testedKeys).as("keys busy enough to be tested").isGreaterThanOrEqualTo(5);
        Map<String, Long> perKey =
                anomalies.stream()
                        .filter(a -> a.status.equals(Anomaly.STATUS_OPEN))
                        .collect(
                                Collectors.groupingBy(
                                        a ->
                                                a.serviceName
                                                        + "/"
                                                        + a.model
                                                        + "/"
                                                        + a.evidence.get("prompt_template"),
                                        Collectors.counting()));
        assertThat(perKey.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1));
    }

    /** Calls per service/model/template key, as the job keys them by default. */
    static Map<String, Long> eventsPerKey(SimulatedScenario scenario) {
        Map<String, Long> keys = new TreeMap<>();
        scenario.forEach(
                e ->
                        keys.merge(
                                e.serviceName
                                        + "|"
                                        + e.requestModel
                                        + "|"
                                        + e.promptTemplateName
                                        + "@"
                                        + e.promptTemplateVersion,
                                1L,
                                Long::sum));
        return keys;
    }
}
