package io.llmsentinel.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.security.SecurityAnomalies;
import io.llmsentinel.detectors.security.scan.SensitiveDataScanner;
import io.llmsentinel.detectors.security.scan.SensitiveFinding;
import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.scoring.Scorecard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security job on a MiniCluster (parallelism 2, RocksDB) over 80 simulated minutes with a
 * prompt-injection attacker, a PII leak and a secret leak: each is detected, benign traffic opens
 * nothing, and no anomaly record carries a raw PII or secret value found in the traffic.
 */
class SecurityJobIT {
    static final String TIMELINE = "prompt_injection@15m+10m,pii_leak@35m+10m,secret_leak@55m+10m";
    static final long GRACE_MS = Duration.ofMinutes(2).toMillis();

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    static SimulatedScenario scenario;

    @BeforeAll
    static void simulate() {
        scenario = new SimulatedScenario(7, 8, Duration.ofMinutes(80), TIMELINE);
    }

    @Test
    @Timeout(180)
    void detectsTheScriptedAttacksAndLeaksWithoutLeakingThemItself() throws Exception {
        SecurityConfig config =
                SecurityConfig.from(
                        JobConfig.fromMap(Map.of("job.parallelism", "2"), SecurityOptions.class));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.applyBounded(env, TestClusters.jobSettings());
        List<Anomaly> anomalies = new ArrayList<>();
        long t0 = System.nanoTime();
        try (CloseableIterator<Anomaly> it =
                SecurityJob.build(scenario.source(env, config.watermarks()), config)
                        .executeAndCollect("security IT")) {
            it.forEachRemaining(anomalies::add);
        }
        System.out.printf(
                "security IT: %s simulated in %.1f s, %d anomaly records%n",
                scenario.duration(), (System.nanoTime() - t0) / 1e9, anomalies.size());
        List<Anomaly> opened =
                anomalies.stream().filter(a -> a.status.equals(Anomaly.STATUS_OPEN)).toList();
        opened.forEach(
                a ->
                        System.out.printf(
                                "  open %-20s %-8s %s%n", a.anomalyType, a.severity, a.summary));

        for (Anomaly a : anomalies) {
            String json = Codecs.toJsonString(a);
            assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, json)).as(json).isEmpty();
        }
        assertThat(anomalies).extracting(a -> a.anomalyId).doesNotHaveDuplicates();

        Scorecard card = Scorecard.score(scenario.incidents(), anomalies, GRACE_MS);
        System.out.print(card.render());
        assertThat(card.results())
                .allSatisfy(r -> assertThat(r.detected()).as(r.incident().toString()).isTrue());

        // one campaign for the attacker, not one per attempt
        assertThat(opened)
                .filteredOn(a -> a.anomalyType.equals(SecurityAnomalies.ATTACK_CAMPAIGN))
                .hasSize(1)
                .allSatisfy(
                        a ->
                                assertThat(a.userId)
                                        .isEqualTo(
                                                scenario.incident(IncidentType.PROMPT_INJECTION)
                                                        .userId()));

        // benign traffic stays quiet
        List<Anomaly> outside =
                opened.stream()
                        .filter(a -> !scenario.duringIncident(a.detectedAt, GRACE_MS))
                        .toList();
        assertThat(outside).as("anomalies outside the scripted incidents").isEmpty();

        // no raw value the scanners find in the traffic appears in any record
        Set<String> rawValues = rawSensitiveValues(scenario);
        assertThat(rawValues).as("the traffic does carry PII and secrets").isNotEmpty();
        for (Anomaly a : anomalies) {
            String json = Codecs.toJsonString(a);
            for (String raw : rawValues) {
                assertThat(json).as("record %s", a.anomalyId).doesNotContain(raw);
            }
        }
    }

    static Set<String> rawSensitiveValues(SimulatedScenario scenario) {
        SensitiveDataScanner scanner = SensitiveDataScanner.defaults();
        Set<String> values = new HashSet<>();
        scenario.forEach(
                e -> {
                    for (String text : new String[] {e.promptText, e.responseText}) {
                        if (text == null) {
                            continue;
                        }
                        for (SensitiveFinding f : scanner.scan(text)) {
                            values.add(text.substring(f.start(), f.end()));
                        }
                    }
                });
        return values;
    }
}
