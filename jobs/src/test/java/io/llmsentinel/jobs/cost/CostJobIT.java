package io.llmsentinel.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.cost.CostAnomalies;
import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.scoring.ExpectedAnomalies;
import io.llmsentinel.simulator.scoring.Scorecard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cost job on a MiniCluster (parallelism 2, RocksDB) over three simulated hours: one hour of
 * warm-up, then a spend runaway, an agent loop and an output-length shift with quiet periods
 * between them. Each incident must be detected, the runaway tenant's budget must fire once per
 * threshold where the data says it crosses, and nothing may open in the quiet periods.
 */
class CostJobIT {
    static final String TIMELINE =
            "spend_runaway@90m+20m,agent_loop@130m+10m,output_length_shift@155m+15m";
    static final Duration WARM_UP = Duration.ofHours(1);

    /** Scorecard grace after an incident: one window plus the watermark delay. */
    static final long GRACE_MS = Duration.ofMinutes(11).toMillis();

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    static final SimulatedScenario SCENARIO =
            new SimulatedScenario(42, 20, Duration.ofHours(3), TIMELINE).withoutContent();

    static long events;
    static TenantSpend spend;

    @BeforeAll
    static void simulate() {
        long t0 = System.nanoTime();
        spend = new TenantSpend(SCENARIO);
        events = SCENARIO.eventCount();
        System.out.printf(
                "cost IT: simulated %d events twice in %.1f s%n",
                events, (System.nanoTime() - t0) / 1e9);
    }

    @Test
    @Timeout(120)
    void detectsTheScriptedIncidentsOnceEachAndStaysQuietOtherwise() throws Exception {
        Incident runaway = SCENARIO.incident(IncidentType.SPEND_RUNAWAY);
        String tenant = runaway.tenantId();
        // A daily budget the runaway crosses: 100% ten minutes into the runaway, 80% before.
        double budget = spend.until(tenant, runaway.startMs() + 10 * 60_000);
        double spentBefore = spend.until(tenant, runaway.startMs());
        assertThat(0.8 * budget)
                .as("80%% must not be reached before the runaway")
                .isGreaterThan(spentBefore);
        long warningAt = spend.crossing(tenant, 0.8 * budget);
        long criticalAt = spend.crossing(tenant, budget);

        CostConfig config =
                CostTestConfigs.config(
                        CostTestConfigs.settings(tenant + ":daily:" + budget + ";nobody:hourly:1"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.applyBounded(env, TestClusters.jobSettings());
        long t0 = System.nanoTime();
        List<Anomaly> anomalies = new ArrayList<>();
        try (CloseableIterator<Anomaly> it =
                CostJob.build(SCENARIO.source(env, config.watermarks()), config)
                        .executeAndCollect("cost IT")) {
            it.forEachRemaining(anomalies::add);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "cost IT: job over %d events took %.1f s (%.0f events/s), %d anomaly records%n",
                events, seconds, events / seconds, anomalies.size());
        List<Anomaly> opened =
                anomalies.stream().filter(a -> a.status.equals(Anomaly.STATUS_OPEN)).toList();
        opened.forEach(a -> System.out.println("  open  " + describe(a)));

        // contract and episodes: valid records, one open and one resolved per episode
        for (Anomaly a : anomalies) {
            String json = Codecs.toJsonString(a);
            assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, json)).as(json).isEmpty();
        }
        assertThat(anomalies).extracting(a -> a.anomalyId).doesNotHaveDuplicates();
        Set<String> resolvedEpisodes =
                anomalies.stream()
                        .filter(a -> a.status.equals(Anomaly.STATUS_RESOLVED))
                        .map(a -> a.episodeId)
                        .collect(Collectors.toSet());
        assertThat(resolvedEpisodes)
                .as("a bounded run ends every episode")
                .containsExactlyInAnyOrderElementsOf(
                        opened.stream().map(a -> a.episodeId).toList());

        // budgets: once per threshold, where the data crosses (the rebalance into the parallel
        // pricing operator reorders a tenant's calls a little, which may move the crossing call)
        List<Anomaly> budgets = ofType(opened, CostAnomalies.BUDGET_THRESHOLD);
        assertThat(budgets)
                .extracting(a -> a.evidence.get("level"))
                .containsExactlyInAnyOrder("warning", "critical");
        assertThat(budgets).allSatisfy(a -> assertThat(a.tenantId).isEqualTo(tenant));
        Anomaly warning = level(budgets, "warning");
        Anomaly critical = level(budgets, "critical");
        System.out.printf(
                "cost IT: budget warning at %+.0f s, critical at %+.0f s of the data's crossings%n",
                (warning.detectedAt - warningAt) / 1000.0,
                (critical.detectedAt - criticalAt) / 1000.0);
        assertThat(warning.detectedAt).isCloseTo(warningAt, Offset.offset(120_000L));
        assertThat(critical.detectedAt).isCloseTo(criticalAt, Offset.offset(120_000L));
        assertThat(warning.detectedAt).isBetween(runaway.startMs(), runaway.endMs());

        // quiet periods (after warm-up, outside incidents and their grace): nothing opens
        long quietFrom = SCENARIO.startMs() + WARM_UP.toMillis();
        List<Incident> incidents = SCENARIO.incidents();
        List<Anomaly> inQuiet =
                opened.stream()
                        .filter(a -> a.detectedAt >= quietFrom)
                        .filter(a -> incidents.stream().noneMatch(i -> during(i, a)))
                        .toList();
        assertThat(inQuiet).as("anomalies in quiet periods").isEmpty();
        assertThat(opened).allSatisfy(a -> assertThat(a.detectedAt).isGreaterThan(quietFrom));

        // every scripted incident detected by the rule meant for it
        Scorecard strict = Scorecard.score(incidents, anomalies, GRACE_MS);
        Scorecard withSideEffects =
                Scorecard.score(incidents, anomalies, GRACE_MS, withSideEffects());
        System.out.println("cost IT, expected anomaly types as in ExpectedAnomalies:");
        System.out.print(strict.render());
        System.out.println("cost IT, counting the incidents' real side effects as matches:");
        System.out.print(withSideEffects.render());
        printTypeFigures(strict);
        assertThat(strict.results())
                .allSatisfy(r -> assertThat(r.detected()).as(r.incident().toString()).isTrue());
        for (IncidentType type :
                List.of(
                        IncidentType.SPEND_RUNAWAY,
                        IncidentType.AGENT_LOOP,
                        IncidentType.OUTPUT_LENGTH_SHIFT)) {
            assertThat(strict.byType().get(type).recall()).isEqualTo(1.0);
        }
        assertThat(withSideEffects.unmatched()).isEmpty();
        assertThat(opened)
                .extracting(a -> a.anomalyType)
                .contains(
                        CostAnomalies.SPEND_SPIKE,
                        CostAnomalies.RUNAWAY_SESSION,
                        CostAnomalies.INPUT_TOKEN_BLOAT,
                        CostAnomalies.FINISH_LENGTH_SURGE);
    }

    /**
     * The incidents' side effects the simulator really produces: the agent loop's tokens raise its
     * tenant's and model's spend, a verbose model costs more, and the runaway tenant's three times
     * longer answers hit max_tokens more often. Counted as matches in the second scorecard.
     */
    static Map<IncidentType, Set<String>> withSideEffects() {
        Map<IncidentType, Set<String>> m = new EnumMap<>(IncidentType.class);
        ExpectedAnomalies.defaults().forEach((k, v) -> m.put(k, new HashSet<>(v)));
        m.get(IncidentType.AGENT_LOOP).add(CostAnomalies.SPEND_SPIKE);
        m.get(IncidentType.OUTPUT_LENGTH_SHIFT).add(CostAnomalies.SPEND_SPIKE);
        m.get(IncidentType.SPEND_RUNAWAY).add(CostAnomalies.FINISH_LENGTH_SURGE);
        return m;
    }

    static boolean during(Incident i, Anomaly a) {
        return a.detectedAt >= i.startMs() && a.detectedAt < i.endMs() + GRACE_MS;
    }

    static void printTypeFigures(Scorecard card) {
        for (Scorecard.TypeScore s : card.byType().values()) {
            System.out.printf(
                    Locale.ROOT,
                    "cost IT figure: %-20s recall %.2f precision %s median delay %s%n",
                    s.type().wireName(),
                    s.recall(),
                    Double.isNaN(s.precision())
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", s.precision()),
                    s.medianDelayMs() < 0 ? "-" : (s.medianDelayMs() / 1000) + " s");
        }
    }

    static List<Anomaly> ofType(List<Anomaly> anomalies, String type) {
        return anomalies.stream().filter(a -> a.anomalyType.equals(type)).toList();
    }

    static Anomaly level(List<Anomaly> budgets, String level) {
        return budgets.stream()
                .filter(a -> level.equals(a.evidence.get("level")))
                .findFirst()
                .orElseThrow();
    }

    static String describe(Anomaly a) {
        Map<String, String> subject = new HashMap<>();
        subject.put("tenant", a.tenantId);
        subject.put("user", a.userId);
        subject.put("session", a.sessionId);
        subject.put("model", a.model);
        String who =
                subject.entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .sorted()
                        .collect(Collectors.joining(" "));
        return String.format(
                Locale.ROOT,
                "+%5.1f min %-20s %-8s %s | %s",
                (a.detectedAt - SCENARIO.startMs()) / 60_000.0,
                a.anomalyType,
                a.severity,
                who,
                a.summary);
    }
}
