package io.llmsentinel.jobs.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.scoring.Scorecard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The latency job on a MiniCluster (parallelism 2, RocksDB) over a simulated day (12 calls/s, about
 * a million events) with the default configuration: two hours of warm-up, then five latency
 * degradations and five error bursts with quiet hours between and after them. Every incident must
 * be detected, nothing else may open, and each opened episode must resolve.
 */
class LatencyJobIT {
    static final SimulatedScenario TRAFFIC =
            new SimulatedScenario(
                            42,
                            12,
                            Duration.ofHours(24),
                            // off minute boundaries, as incidents are: delays are not all one
                            // minute
                            "latency_degradation@2h10s+15m,error_burst@3h30m25s+10m,"
                                    + "latency_degradation@5h40s+10m,error_burst@7h55s+8m,"
                                    + "latency_degradation@9h5s+20m,error_burst@11h33s+12m,"
                                    + "latency_degradation@14h48s+10m,error_burst@17h17s+10m,"
                                    + "latency_degradation@20h29s+15m,error_burst@22h3s+10m")
                    .withoutContent();

    /** Windows (5 min) that close after an incident still describe it. */
    static final long GRACE_MS = Duration.ofMinutes(6).toMillis();

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    @Test
    @Timeout(120)
    void detectsEveryScriptedIncidentAndStaysQuietOtherwise() throws Exception {
        LatencyConfig config =
                LatencyConfig.from(JobConfig.fromMap(Map.of(), LatencyOptions.class));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.applyBounded(env, TestClusters.jobSettings());

        DataStream<LlmEvent> events = TRAFFIC.source(env, config.watermarks());

        long started = System.nanoTime();
        List<Anomaly> anomalies = new ArrayList<>();
        try (CloseableIterator<Anomaly> it =
                LatencyJob.build(events, config).executeAndCollect("latency IT")) {
            it.forEachRemaining(anomalies::add);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Incident> incidents = TRAFFIC.incidents();
        Scorecard card = Scorecard.score(incidents, anomalies, GRACE_MS);
        System.out.printf(
                "latency IT: %.0f simulated minutes at %.0f calls/s in %.1f s, %d records%n%s",
                (double) TRAFFIC.duration().toMinutes(),
                TRAFFIC.rate(),
                seconds,
                anomalies.size(),
                card.render());
        anomalies.stream()
                .filter(a -> a.status.equals(Anomaly.STATUS_OPEN))
                .forEach(a -> System.out.println("  open: " + a.anomalyType + " " + a.summary));

        assertThat(card.results())
                .allSatisfy(r -> assertThat(r.detected()).as(r.toString()).isTrue());
        assertThat(card.unmatched()).as("anomalies in quiet periods").isEmpty();
        for (IncidentType type :
                Set.of(IncidentType.LATENCY_DEGRADATION, IncidentType.ERROR_BURST)) {
            Scorecard.TypeScore score = card.byType().get(type);
            assertThat(score.recall()).isEqualTo(1.0);
            assertThat(score.precision()).isEqualTo(1.0);
            assertThat(score.medianDelayMs()).isLessThanOrEqualTo(Duration.ofMinutes(2).toMillis());
        }
        assertEveryEpisodeResolvedOnce(anomalies);
    }

    static void assertEveryEpisodeResolvedOnce(List<Anomaly> anomalies) {
        Map<String, List<String>> byEpisode = new java.util.HashMap<>();
        for (Anomaly a : anomalies) {
            byEpisode.computeIfAbsent(a.episodeId, k -> new ArrayList<>()).add(a.status);
        }
        assertThat(byEpisode.values())
                .allSatisfy(
                        s ->
                                assertThat(s)
                                        .containsExactly(
                                                Anomaly.STATUS_OPEN, Anomaly.STATUS_RESOLVED));
    }
}
