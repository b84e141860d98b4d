package io.llmsentinel.jobs.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.kafka.BrokerJobSettings;
import io.llmsentinel.jobs.kafka.CommittedAnomalies;
import io.llmsentinel.kafka.testing.EmbeddedKafkaExtension;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.scoring.Scorecard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency job end to end against a real broker (read_committed in, exactly-once out), stopped
 * with a savepoint in the middle of a latency incident and restored into a job built anew:
 *
 * <ul>
 *   <li>the episode that opened before the savepoint resolves after it, with no second open;
 *   <li>an error burst that starts three minutes after the restore is detected at once, which a
 *       fresh start could not do (it would warm up for 20 minutes): the baselines survived;
 *   <li>no record is written twice.
 * </ul>
 */
class LatencySavepointIT {
    static final SimulatedScenario TRAFFIC =
            new SimulatedScenario(
                            7,
                            20,
                            Duration.ofMinutes(80),
                            "latency_degradation@40m+20m,error_burst@48m+8m")
                    .withoutContent();
    static final Duration SPLIT = Duration.ofMinutes(45);
    static final Duration WARMUP = Duration.ofMinutes(20);

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    @Timeout(150)
    void baselinesAndEpisodesSurviveStopWithSavepointAndRestore(@TempDir Path savepoints)
            throws Exception {
        KAFKA.createTopics(2, "sp.events", "sp.anomalies");
        LatencyConfig config =
                LatencyConfig.from(JobConfig.fromMap(settings(), LatencyOptions.class));

        long split = TRAFFIC.startMs() + SPLIT.toMillis();
        List<byte[]> before = new ArrayList<>();
        List<byte[]> after = new ArrayList<>();
        TRAFFIC.forEach(e -> (e.eventTime < split ? before : after).add(Codecs.toJsonBytes(e)));
        List<Incident> incidents = TRAFFIC.incidents();
        Incident degradation = incidents.get(0);
        Incident burst = incidents.get(1);
        assertThat(degradation.incidentType()).isEqualTo(IncidentType.LATENCY_DEGRADATION);

        List<Anomaly> run1;
        List<Anomaly> all;
        try (CommittedAnomalies anomalies =
                new CommittedAnomalies(KAFKA.readCommitted("sp.anomalies"))) {
            // Run 1: the first 45 minutes, until the degradation's episode is committed.
            KAFKA.produce("sp.events", before);
            StreamExecutionEnvironment env1 = StreamExecutionEnvironment.getExecutionEnvironment();
            LatencyJob.JOB.buildWithKafka(env1, config);
            JobClient first = env1.executeAsync("latency savepoint IT, run 1");
            anomalies.await(
                    "the degradation's p95 episode open",
                    Duration.ofSeconds(60),
                    a -> isOpen(a, "latency_p95_deviation"));
            String savepoint = TestClusters.stopWithSavepoint(first, savepoints);
            // stopped: its last transaction is committed, so this is all run 1 wrote
            run1 = anomalies.readSettled(Duration.ofSeconds(30));

            // Run 2: the job built anew from the same configuration, restored from the savepoint.
            KAFKA.produce("sp.events", after);
            StreamExecutionEnvironment env2 = StreamExecutionEnvironment.getExecutionEnvironment();
            LatencyJob.JOB.buildWithKafka(env2, config);
            StreamGraph graph = env2.getStreamGraph();
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
            JobClient second = env2.executeAsync(graph);
            anomalies.await(
                    "the p95 episode resolved and the error burst open",
                    Duration.ofSeconds(120),
                    a ->
                            a.anomalyType.equals("latency_p95_deviation")
                                    && a.status.equals(Anomaly.STATUS_RESOLVED),
                    a -> isOpen(a, "error_rate_spike"));
            // stopped rather than cancelled: no transaction stays open, so the read below is
            // the complete output of both runs
            TestClusters.stopWithSavepoint(second, savepoints);
            all = anomalies.readSettled(Duration.ofSeconds(30));
        }

        System.out.printf(
                "savepoint IT: %d events before and %d after the savepoint; %d records before, %d"
                        + " in all%n%s",
                before.size(),
                after.size(),
                run1.size(),
                all.size(),
                Scorecard.score(incidents, all, Duration.ofMinutes(6).toMillis()).render());

        assertThat(all).extracting(a -> a.anomalyId).doesNotHaveDuplicates();
        List<Anomaly> p95 =
                all.stream().filter(a -> a.anomalyType.equals("latency_p95_deviation")).toList();
        assertThat(p95)
                .extracting(a -> a.status)
                .containsExactly(Anomaly.STATUS_OPEN, Anomaly.STATUS_RESOLVED);
        assertThat(p95.get(0).detectedAt).isLessThan(split);
        assertThat(p95.get(1).detectedAt).isGreaterThan(split);
        assertThat(p95.get(1).episodeId).isEqualTo(p95.get(0).episodeId);
        assertThat(run1)
                .as("the episode opened before the savepoint was committed by run 1")
                .extracting(a -> a.anomalyId)
                .contains(p95.get(0).anomalyId);
        assertThat(p95.get(0).model).isEqualTo(degradation.model());

        Anomaly burstOpen =
                all.stream().filter(a -> isOpen(a, "error_rate_spike")).findFirst().orElseThrow();
        assertThat(burstOpen.detectedAt)
                .isLessThanOrEqualTo(burst.startMs() + Duration.ofMinutes(2).toMillis())
                .isLessThan(split + WARMUP.toMillis());

        Scorecard card = Scorecard.score(incidents, all, Duration.ofMinutes(6).toMillis());
        assertThat(card.results()).allSatisfy(r -> assertThat(r.detected()).isTrue());
        assertThat(card.unmatched()).isEmpty();
    }

    static Map<String, String> settings() {
        Map<String, String> s =
                BrokerJobSettings.of(
                        KAFKA.bootstrapServers(), "latency-sp-it", Duration.ofMillis(500));
        s.put("kafka.topic.events", "sp.events");
        s.put("kafka.topic.anomalies", "sp.anomalies");
        s.put("latency.starting-offsets", "earliest");
        s.put("latency.warmup", WARMUP.toMinutes() + " min");
        return s;
    }

    static boolean isOpen(Anomaly a, String type) {
        return a.anomalyType.equals(type) && a.status.equals(Anomaly.STATUS_OPEN);
    }
}
