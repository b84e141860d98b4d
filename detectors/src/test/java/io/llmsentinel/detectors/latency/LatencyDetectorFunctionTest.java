package io.llmsentinel.detectors.latency;

import static io.llmsentinel.detectors.latency.TestCalls.MINUTE;
import static io.llmsentinel.detectors.latency.TestCalls.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The detector function in a keyed operator harness: one rule per test, driven minute by minute
 * with explicit watermarks. Small windows and a short warm-up keep the scripts short.
 */
class LatencyDetectorFunctionTest {
    static final LatencySettings SETTINGS =
            LatencySettings.builder()
                    .windowMinutes(3)
                    .warmupMinutes(10)
                    .minSamples(30)
                    .p99MinSamples(150)
                    .tailMinSamples(30)
                    .errorMinCalls(30)
                    .trafficMinBaselineCalls(50)
                    .idleTimeoutMs(20 * MINUTE)
                    .build();

    KeyedOneInputStreamOperatorTestHarness<String, LlmEvent, Anomaly> harness;
    TestCalls calls = TestCalls.route(7);

    @BeforeEach
    void setUp() throws Exception {
        harness = open(null);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static KeyedOneInputStreamOperatorTestHarness<String, LlmEvent, Anomaly> open(
            OperatorSubtaskState restoreFrom) throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new LatencyDetectorFunction(SETTINGS)),
                        new RouteKeySelector(SETTINGS.dimensions()),
                        Types.STRING);
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    /**
     * A minute of calls with latency median {@code medianMs}, every {@code errorEvery}-th failing.
     */
    void minute(int m, int n, double medianMs, int errorEvery) throws Exception {
        for (int i = 0; i < n; i++) {
            long t = T0 + m * MINUTE + i * (MINUTE / n);
            LlmEvent e =
                    errorEvery > 0 && i % errorEvery == 0
                            ? calls.error(t, i % 2 == 0 ? "500" : "timeout")
                            : calls.ok(t, medianMs, 0.3);
            harness.processElement(e, t);
        }
        closeMinute(m);
    }

    void closeMinute(int m) throws Exception {
        harness.processWatermark(T0 + (m + 1) * MINUTE - 1);
    }

    void normal(int from, int to) throws Exception {
        for (int m = from; m < to; m++) {
            minute(m, 100, 1000, 0);
        }
    }

    List<Anomaly> anomalies() {
        return harness.extractOutputValues();
    }

    static List<Anomaly> ofType(List<Anomaly> all, String type) {
        return all.stream().filter(a -> a.anomalyType.equals(type)).toList();
    }

    static void assertOneEpisode(List<Anomaly> all, String type) {
        List<Anomaly> records = ofType(all, type);
        assertThat(records)
                .as(type + " in " + all)
                .extracting(a -> a.status)
                .containsExactly(Anomaly.STATUS_OPEN, Anomaly.STATUS_RESOLVED);
        assertThat(records.get(1).episodeId).isEqualTo(records.get(0).episodeId);
    }

    @Test
    void warmUpSuppressesEveryRule() throws Exception {
        normal(0, 5);
        for (int m = 5; m < 9; m++) {
            minute(m, 100, 6000, 3); // six times slower and a third failing: still warming up
        }
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void slowerRouteOpensOneEpisodeAndResolvesIt() throws Exception {
        normal(0, 20);
        for (int m = 20; m < 28; m++) {
            minute(m, 100, 5000, 0);
        }
        normal(28, 40);

        List<Anomaly> out = anomalies();
        assertOneEpisode(out, "latency_p95_deviation");
        assertOneEpisode(out, "latency_p99_deviation");
        assertOneEpisode(out, "ttft_deviation");
        assertThat(ofType(out, "error_rate_spike")).isEmpty();
        assertThat(ofType(out, "traffic_drop")).isEmpty();
        assertThat(ofType(out, "latency_tail_sustained")).isEmpty();

        Anomaly open = ofType(out, "latency_p95_deviation").get(0);
        assertThat(open.detectedAt).isEqualTo(T0 + 21 * MINUTE); // the first slow minute
        assertThat(open.severity).isEqualTo(Anomaly.SEVERITY_CRITICAL); // 5x >= 3x
        assertThat(open.model).isEqualTo("gpt-4o");
        assertThat(open.serviceName).isEqualTo("checkout");
        assertThat(open.providerName).isEqualTo("openai");
        assertThat(open.observedValue).isGreaterThan(3 * open.baselineValue);
        assertThat(open.evidence)
                .containsKeys("observed", "baseline", "threshold", "z", "samples", "window_minutes")
                .containsEntry("window_minutes", "3");
        assertThat(Double.parseDouble(open.evidence.get("z"))).isGreaterThan(3);
        assertThat(open.sampleEventIds).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(open.windowEnd - open.windowStart).isEqualTo(3 * MINUTE);

        Anomaly resolved = ofType(out, "latency_p95_deviation").get(1);
        // the window holds slow minutes until 30; two clear windows (30, 31) resolve it
        assertThat(resolved.detectedAt).isEqualTo(T0 + 32 * MINUTE);
        assertThat(resolved.evidence).containsEntry("resolution", "recovered");
    }

    @Test
    void sustainedTailOpensAfterFiveMinutes() throws Exception {
        normal(0, 20);
        for (int m = 20; m < 30; m++) {
            for (int i = 0; i < 100; i++) {
                long t = T0 + m * MINUTE + i * 600;
                LlmEvent e = i % 20 == 0 ? calls.ok(t, 9000, 0.05) : calls.ok(t, 1000, 0.3);
                harness.processElement(e, t);
            }
            closeMinute(m);
        }
        normal(30, 40);

        List<Anomaly> tail = ofType(anomalies(), "latency_tail_sustained");
        assertOneEpisode(anomalies(), "latency_tail_sustained");
        assertThat(tail.get(0).detectedAt).isEqualTo(T0 + 25 * MINUTE); // minutes 20..24
        assertThat(tail.get(0).windowStart).isEqualTo(T0 + 20 * MINUTE);
        assertThat(tail.get(0).evidence).containsEntry("consecutive_minutes", "5");
        assertThat(tail.get(0).observedValue).isGreaterThan(SETTINGS.tailRatio());
    }

    @Test
    void fourTailMinutesAreNotEnough() throws Exception {
        normal(0, 20);
        for (int m = 20; m < 24; m++) {
            for (int i = 0; i < 100; i++) {
                long t = T0 + m * MINUTE + i * 600;
                harness.processElement(
                        i % 20 == 0 ? calls.ok(t, 9000, 0.05) : calls.ok(t, 1000, 0.3), t);
            }
            closeMinute(m);
        }
        normal(24, 35);
        assertThat(ofType(anomalies(), "latency_tail_sustained")).isEmpty();
    }

    @Test
    void errorBurstOpensOneCriticalEpisode() throws Exception {
        for (int m = 0; m < 20; m++) {
            minute(m, 100, 1000, 100); // 1% errors
        }
        for (int m = 20; m < 25; m++) {
            minute(m, 100, 1000, 3); // 34% errors
        }
        for (int m = 25; m < 35; m++) {
            minute(m, 100, 1000, 100);
        }
        List<Anomaly> out = anomalies();
        assertOneEpisode(out, "error_rate_spike");
        Anomaly open = ofType(out, "error_rate_spike").get(0);
        assertThat(open.detectedAt).isEqualTo(T0 + 21 * MINUTE);
        // one burst minute in a 3-minute window: 12%, a warning; the peak (34%) is critical
        assertThat(open.severity).isEqualTo(Anomaly.SEVERITY_WARNING);
        assertThat(ofType(out, "error_rate_spike").get(1).severity)
                .isEqualTo(Anomaly.SEVERITY_CRITICAL);
        assertThat(open.baselineValue)
                .isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(open.evidence).containsKeys("errors_by_type", "p_value", "window_timeouts");
        assertThat(open.evidence.get("errors_by_type")).contains("500:").contains("timeout:");
        assertThat(open.sampleEventIds).isNotEmpty();
        assertThat(ofType(out, "latency_p95_deviation")).isEmpty();
    }

    @Test
    void twoErrorsInThreeCallsStayQuiet() throws Exception {
        for (int m = 0; m < 40; m++) {
            minute(m, 3, 1000, 0);
        }
        minute(40, 3, 1000, 2); // calls 0 and 2 fail
        minute(41, 3, 1000, 0);
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void trafficDropOpensAndResolves() throws Exception {
        normal(0, 20);
        for (int m = 20; m < 25; m++) {
            minute(m, 4, 1000, 0);
        }
        normal(25, 35);
        List<Anomaly> out = anomalies();
        assertOneEpisode(out, "traffic_drop");
        Anomaly open = ofType(out, "traffic_drop").get(0);
        assertThat(open.observedValue).isLessThan(0.3 * open.baselineValue);
        assertThat(open.evidence).containsKey("p_value");
    }

    @Test
    void idleKeyLeavesNoStateAndNoTimersAndResolvesItsEpisodes() throws Exception {
        normal(0, 20);
        assertThat(harness.numKeyedStateEntries()).isGreaterThan(0);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the next minute's evaluation

        // silence: traffic drop opens, then the key expires and the episode resolves with it
        harness.processWatermark(T0 + 60 * MINUTE);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        List<Anomaly> drop = ofType(anomalies(), "traffic_drop");
        assertOneEpisode(anomalies(), "traffic_drop");
        assertThat(drop.get(1).evidence).containsEntry("resolution", "idle_expired");

        // the key comes back as a new key: warm-up again, no stale episode
        minute(61, 100, 5000, 0);
        assertThat(harness.numKeyedStateEntries()).isGreaterThan(0);
        assertThat(ofType(anomalies(), "latency_p95_deviation")).isEmpty();
    }

    @Test
    void manyShortLivedKeysAllExpire() throws Exception {
        for (int k = 0; k < 50; k++) {
            TestCalls user = new TestCalls(k, "openai", "model-" + k, "svc-" + k);
            long t = T0 + (k % 10) * MINUTE + 1000;
            harness.processElement(user.ok(t, 1000, 0.3), t);
        }
        harness.processWatermark(T0 + 40 * MINUTE);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void lateEventsAreCountedApartAndOutOfOrderOnesLandInTheirMinute() throws Exception {
        normal(0, 5);
        long inMinute5 = T0 + 5 * MINUTE;
        // out of order but its minute is still open: counted normally
        harness.processElement(calls.ok(inMinute5 + 50_000, 1000, 0.3), inMinute5 + 50_000);
        harness.processElement(calls.ok(inMinute5 + 10_000, 1000, 0.3), inMinute5 + 10_000);
        // minute 3 was evaluated already: late
        LlmEvent late = calls.ok(T0 + 3 * MINUTE + 5, 1000, 0.3);
        harness.processElement(late, late.eventTime);

        assertThat(harness.getSideOutput(LatencyDetectorFunction.LATE_EVENTS))
                .extracting(r -> r.getValue().eventId)
                .containsExactly(late.eventId);
    }

    @Test
    void allowedLatenessKeepsAMinuteOpenLonger() throws Exception {
        LatencySettings lenient = SETTINGS.toBuilder().allowedLatenessMs(30_000).build();
        try (var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new LatencyDetectorFunction(lenient),
                        new RouteKeySelector(lenient.dimensions()),
                        Types.STRING)) {
            long t = T0 + 1000;
            h.processElement(calls.ok(t, 1000, 0.3), t);
            h.processWatermark(T0 + MINUTE + 10_000); // past the minute, within the lateness
            h.processElement(calls.ok(T0 + 2000, 1000, 0.3), T0 + 2000);
            assertThat(h.getSideOutput(LatencyDetectorFunction.LATE_EVENTS)).isNull();
            h.processWatermark(T0 + MINUTE + 30_000);
            h.processElement(calls.ok(T0 + 3000, 1000, 0.3), T0 + 3000);
            assertThat(h.getSideOutput(LatencyDetectorFunction.LATE_EVENTS)).hasSize(1);
        }
    }

    @Test
    void restoredStateKeepsBaselinesAndOpenEpisodes() throws Exception {
        normal(0, 20);
        OperatorSubtaskState warm = harness.snapshot(1, T0 + 20 * MINUTE);
        harness.close();

        // restored: the baseline is there, the first slow minute is flagged (no second warm-up)
        harness = open(warm);
        calls = TestCalls.route(8);
        minute(20, 100, 5000, 0);
        minute(21, 100, 5000, 0);
        List<Anomaly> first = anomalies();
        assertThat(ofType(first, "latency_p95_deviation"))
                .singleElement()
                .satisfies(a -> assertThat(a.detectedAt).isEqualTo(T0 + 21 * MINUTE));
        OperatorSubtaskState midEpisode = harness.snapshot(2, T0 + 22 * MINUTE);
        harness.close();

        // restored mid-episode: no second open, one resolved with the same episode id
        harness = open(midEpisode);
        minute(22, 100, 5000, 0);
        normal(23, 30);
        List<Anomaly> second = ofType(anomalies(), "latency_p95_deviation");
        assertThat(second)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.status).isEqualTo(Anomaly.STATUS_RESOLVED);
                            assertThat(a.episodeId)
                                    .isEqualTo(
                                            ofType(first, "latency_p95_deviation")
                                                    .get(0)
                                                    .episodeId);
                        });
    }

    @Test
    void stateTypesAreSerializedAsPojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LatencyKeyState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(EwmaStat.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(EpisodeState.class);
    }

    @Test
    void keysAreStableStrings() {
        LlmEvent e = calls.ok(T0, 1000, 0.3);
        assertThat(new RouteKeySelector(SETTINGS.dimensions()).getKey(e))
                .isEqualTo("6:openai|6:gpt-4o|8:checkout");
    }
}
